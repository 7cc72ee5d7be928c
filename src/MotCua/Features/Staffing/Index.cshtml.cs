using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Staffing;

/// <summary>A unit's staffing: quota against people in post per category, the same for each unit below it, and who is due to rotate.</summary>
public sealed class IndexModel(UnitTree tree, UnitScope scope, StaffingDesk desk, Rotation rotation, TimeProvider clock) : PageModel
{
    /// <summary>How many of those due the page lists (the longest in post first); the API lists them all.</summary>
    public const int Shown = 50;

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The units the caller may pick (those open on the day that they see), by name.</summary>
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public UnitInfo? Current { get; private set; }

    public IReadOnlyList<QuotaLine> Lines { get; private set; } = [];

    public IReadOnlyList<RotationDue> Due { get; private set; } = [];

    public DateOnly OnDate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Year = Year is >= 2000 and <= 2100 ? Year : today.Year;
        OnDate = desk.DayOf(Year.Value);
        var visible = await scope.VisibleUnitIdsAsync(User, ct);
        var all = await tree.AllAsync(ct);
        Units = [.. all.Where(u => visible.Contains(u.Id) && u.IsValidOn(OnDate)).OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))];
        Current = Units.FirstOrDefault(u => u.Code == Unit) ?? Units.FirstOrDefault(u => u.ParentId is not { } p || !visible.Contains(p));
        if (Current is null)
        {
            return;
        }

        Unit = Current.Code;
        Lines = await desk.QuotasAsync([Current, .. await desk.BelowAsync(Current, OnDate, ct)], Year.Value, OnDate, ct);
        Due = await rotation.DueAsync([.. UnitTree.Expand(await tree.LinksAsync(ct), [Current.Id])], OnDate, ct);
    }
}
