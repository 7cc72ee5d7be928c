using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Queue;

/// <summary>The touch-screen kiosk of an office: pick a service, mark priority, take a printed ticket with a QR code.</summary>
/// <remarks>
/// A ticket needs the kiosk's key, issued by the office's leaders (Queue settings) and typed once into the kiosk,
/// which keeps it in the browser's storage; a browser without it shows the setup form instead of the services.
/// </remarks>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class KioskModel(QueueDesk desk, Infrastructure.Demo.DemoFlag demo) : PageModel
{
    /// <summary>In a demo city, the demo kiosk's key, shown on the setup form.</summary>
    public string? DemoKey { get; private set; }

    public UnitInfo Office { get; private set; } = null!;

    public IReadOnlyList<ServiceView> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string office, CancellationToken ct)
    {
        if (await desk.OfficeAsync(office, ct) is not { } o)
        {
            return NotFound();
        }

        Office = o;
        Services = await desk.ServicesAsync(o.Id, ct);
        DemoKey = await demo.IsDemoAsync(ct) ? QueueDemoSeeder.DemoKioskKey(o.Code) : null;
        return Page();
    }
}
