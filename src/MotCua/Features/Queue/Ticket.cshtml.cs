using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace MotCua.Features.Queue;

/// <summary>A ticket followed on a phone (the ticket's QR code): place in the queue, and the counter once called.</summary>
[AllowAnonymous]
[EnableRateLimiting("public")]
public sealed class TicketModel(QueueDesk desk) : PageModel
{
    public TicketView Ticket { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await desk.TicketAsync(id, ct) is not { } t)
        {
            return NotFound();
        }

        Ticket = t;
        return Page();
    }

    public IActionResult OnGetQr(Guid id)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode($"{Request.Scheme}://{Request.Host}/so-thu-tu/{id}", QRCodeGenerator.ECCLevel.M);
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }
}
