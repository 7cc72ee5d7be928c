using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Portal;

/// <summary>Who read the citizen's data: every staff read of their record and of their dossiers, with the unit, the person, why and when.</summary>
public sealed class AccessLogModel(CitizenRecords records, UnitTree units, StaffDirectory staff) : PageModel
{
    public IReadOnlyList<AccessItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await PortalApi.AccessItemsAsync(User, records, units, staff, 500, ct);
}
