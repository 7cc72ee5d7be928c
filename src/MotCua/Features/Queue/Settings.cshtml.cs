using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Queue;

/// <summary>
/// An office's queue settings: how far ahead priority visitors are ranked, and the booking slots (length, capacity,
/// how early and how late a booked visitor keeps the slot's place). Leaders and administrators of the office change
/// them; other staff of the office see them.
/// </summary>
public sealed class SettingsModel(AppDbContext db, QueueDesk desk, UnitScope scope, KioskKeys kiosks) : PageModel
{
    public static readonly IReadOnlyList<int> SlotLengths = [15, 20, 30, 60];

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public UnitInfo? Unit { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Administrator);

    public bool Saved { get; private set; }

    public IReadOnlyList<KioskView> Kiosks { get; private set; } = [];

    /// <summary>A kiosk key just issued, shown this once.</summary>
    public IssuedKiosk? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } office)
        {
            return Office is null ? Page() : NotFound();
        }

        var row = await db.Set<QueueOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.OfficeId == office.Id, ct) ?? new QueueOffice { OfficeId = office.Id };
        Input = new SettingsInput
        {
            PriorityWeightMinutes = row.PriorityWeightMinutes, SlotMinutes = row.SlotMinutes, SlotCapacity = row.SlotCapacity,
            EarlyMinutes = row.EarlyMinutes, LateMinutes = row.LateMinutes,
        };
        Saved = saved;
        Kiosks = await kiosks.ForOfficeAsync(office.Id, ct);
        return Page();
    }

    /// <summary>Issues a key for a new kiosk of the office; the page shows it once, to be typed into the kiosk.</summary>
    public async Task<IActionResult> OnPostIssueKioskAsync(string? name, CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } office)
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            ModelState.AddModelError("name", Texts.Get("Queue.KioskNameRequiredShort"));
        }
        else
        {
            var (kiosk, key) = await kiosks.IssueAsync(office.Id, name, User.Identity?.Name, ct);
            Issued = new IssuedKiosk(kiosk.Id, kiosk.Name, key);
        }

        return await OnGetAsync(false, ct);
    }

    public async Task<IActionResult> OnPostRevokeKioskAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } office)
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        await kiosks.RevokeAsync(office.Id, id, ct);
        return RedirectToPage(new { office = office.Code });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } office)
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (!SlotLengths.Contains(Input.SlotMinutes))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.SlotMinutes)}", Texts.Get("Queue.SlotLength"));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = await db.Set<QueueOffice>().FirstOrDefaultAsync(o => o.OfficeId == office.Id, ct);
        if (row is null)
        {
            row = new QueueOffice { OfficeId = office.Id };
            db.Add(row);
        }

        (row.PriorityWeightMinutes, row.SlotMinutes, row.SlotCapacity, row.EarlyMinutes, row.LateMinutes) =
            (Input.PriorityWeightMinutes, Input.SlotMinutes, Input.SlotCapacity, Input.EarlyMinutes, Input.LateMinutes);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { office = office.Code, saved = true });
    }

    /// <summary>The office named (within the caller's units), or the one the caller works at.</summary>
    private async Task<UnitInfo?> FindAsync(CancellationToken ct)
    {
        Unit = Office is { Length: > 0 } code ? await desk.OfficeAsync(code, ct) : await scope.CurrentOfficeAsync(User, ct);
        if (Unit is not null && !(await scope.VisibleUnitIdsAsync(User, ct)).Contains(Unit.Id))
        {
            Unit = null;
        }

        return Unit;
    }

    public sealed class SettingsInput
    {
        [Range(0, 120, ErrorMessage = "Validation.Range")]
        [Display(Name = "Queue.PriorityWeight")]
        public int PriorityWeightMinutes { get; set; } = 20;

        [Display(Name = "Queue.SlotMinutes")]
        public int SlotMinutes { get; set; } = 30;

        [Range(1, 50, ErrorMessage = "Validation.Range")]
        [Display(Name = "Queue.SlotCapacity")]
        public int SlotCapacity { get; set; } = 3;

        [Range(0, 120, ErrorMessage = "Validation.Range")]
        [Display(Name = "Queue.EarlyMinutes")]
        public int EarlyMinutes { get; set; } = 30;

        [Range(0, 60, ErrorMessage = "Validation.Range")]
        [Display(Name = "Queue.LateMinutes")]
        public int LateMinutes { get; set; } = 15;
    }
}
