using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Calendar;

/// <summary>Each office's same-day cutoff, end of working day and Saturday-morning reception; administrators edit them.</summary>
public sealed class OfficesModel(AppDbContext db, UnitTree units, OfficeHoursReader hours, TimeProvider clock) : PageModel
{
    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public bool CanEdit => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var offices = await units.CurrentOfficesAsync(VietnamTime.Today(clock), ct);
        var ids = offices.Select(o => o.Id).ToList();
        var settings = await db.Set<OfficeHoursSetting>().AsNoTracking().Where(h => ids.Contains(h.OfficeId)).ToDictionaryAsync(h => h.OfficeId, ct);
        var d = OfficeHours.Default;
        Rows = [.. offices.Select(o => settings.TryGetValue(o.Id, out var h)
            ? new Row(o.Code, o.Name, h.SameDayCutoff, h.EndOfDay, h.ReceivesSaturdayMorning)
            : new Row(o.Code, o.Name, d.SameDayCutoff, d.EndOfDay, d.ReceivesSaturdayMorning))];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].EndOfDay <= Rows[i].SameDayCutoff)
            {
                ModelState.AddModelError($"Rows[{i}].EndOfDay", Texts.Get("Calendar.EndBeforeCutoff", Rows[i].Name));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changed = new List<Guid>();
        foreach (var row in Rows)
        {
            var office = await units.FindByCodeAsync(row.Code, ct);
            if (office is null || !office.ReceivesDossiers)
            {
                continue;
            }

            var setting = await db.Set<OfficeHoursSetting>().FirstOrDefaultAsync(h => h.OfficeId == office.Id, ct);
            if (setting is null)
            {
                setting = new OfficeHoursSetting { OfficeId = office.Id };
                db.Add(setting);
            }

            setting.SameDayCutoff = row.SameDayCutoff;
            setting.EndOfDay = row.EndOfDay;
            setting.ReceivesSaturdayMorning = row.ReceivesSaturdayMorning;
            changed.Add(office.Id);
        }

        await db.SaveChangesAsync(ct);
        changed.ForEach(hours.Forget);
        return RedirectToPage();
    }

    public sealed record Row(string Code, string Name, TimeOnly SameDayCutoff, TimeOnly EndOfDay, bool ReceivesSaturdayMorning);
}
