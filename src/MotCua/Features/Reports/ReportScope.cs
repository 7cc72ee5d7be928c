using System.Security.Claims;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reports;

/// <summary>A reporting period: whole Vietnam days, <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => VietnamTime.StartOfDay(From);

    public DateTimeOffset End => VietnamTime.StartOfDay(To.AddDays(1));

    /// <summary>Checks the dates a caller sent: both given, in order, at most <paramref name="maxDays"/> long.</summary>
    public static Result<Period> Parse(DateOnly? from, DateOnly? to, int maxDays = 400)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null)
        {
            errors["from"] = [Texts.Get("Reports.FromRequired")];
        }

        if (to is null)
        {
            errors["to"] = [Texts.Get("Reports.ToRequired")];
        }

        if (from is { Year: < 2000 or > 2100 })
        {
            errors["from"] = [Texts.Get("Reports.FromRange")];
        }

        if (to is { Year: < 2000 or > 2100 })
        {
            errors["to"] = [Texts.Get("Reports.ToRange")];
        }

        if (errors.Count == 0 && (from > to || to!.Value.DayNumber - from!.Value.DayNumber >= maxDays))
        {
            errors["to"] = [Texts.Get("Reports.PeriodInvalid", maxDays)];
        }

        return errors.Count == 0 ? new Period(from!.Value, to!.Value) : Failure.Invalid(errors);
    }
}

/// <summary>A unit a report is about, and the offices whose dossiers count for it (the unit and everything below or merged into it).</summary>
public sealed record ReportUnit(UnitInfo Unit, Guid[] OfficeIds, IReadOnlyList<UnitLink> Tree);

/// <summary>Resolves the unit a leader asks about; one outside their scope reads as missing.</summary>
public sealed class ReportScope(UnitScope scope, UnitTree tree)
{
    public async Task<ReportUnit?> ResolveAsync(ClaimsPrincipal user, string? code, CancellationToken ct = default)
    {
        if (await scope.VisibleUnitAsync(user, code, ct) is not { } unit)
        {
            return null;
        }

        var links = await tree.LinksAsync(ct);
        return new ReportUnit(unit, [.. UnitTree.Expand(links, [unit.Id])], links);
    }

    /// <summary>The units the caller may report on, for the picker: their own and everything below, current ones first.</summary>
    public async Task<List<UnitInfo>> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var visible = await scope.VisibleUnitIdsAsync(user, ct);
        return [.. (await tree.AllAsync(ct)).Where(u => visible.Contains(u.Id)).OrderBy(u => u.ValidTo is not null).ThenBy(u => u.Code, StringComparer.Ordinal)];
    }
}
