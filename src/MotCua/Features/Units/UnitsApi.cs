using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Units;

public sealed record OfficeItem(string Code, string Name, string UnitCode, string UnitName, DateOnly ValidFrom, DateOnly? ValidTo, bool Current);

public sealed record ItemList<T>(IReadOnlyList<T> Items);

/// <summary>A unit; <see cref="SuccessorCode"/> is the principal successor, <see cref="Successors"/> every one with its share when it was divided.</summary>
public sealed record UnitItem(string Code, string Name, string Kind, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo, string? SuccessorCode, bool ReceivesDossiers, string? Note)
{
    public IReadOnlyList<UnitShareItem> Successors { get; init; } = [];
}

public sealed record UnitShareItem(string Code, int SharePercent);

/// <summary>The unit tree is public information: who the offices are, their codes, and their history.</summary>
internal static class UnitsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Units").AllowAnonymous().RequireRateLimiting("public");
        api.MapGet("/offices", Offices)
            .WithSummary("Offices that receive dossiers, with the agency codes used in dossier codes; ?date= keeps those open that day");
        api.MapGet("/units", List).WithSummary("Units and agencies; ?date= keeps those that existed that day");
        api.MapGet("/units/{code}", Get).WithSummary("One unit or agency with its history links");
    }

    private static async Task<Results<Ok<ItemList<OfficeItem>>, ProblemHttpResult>> Offices(string? date, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!TryParseDate(date, out var on))
        {
            return DateProblem();
        }

        var today = VietnamTime.Today(clock);
        var query = db.Units.AsNoTracking().Where(u => u.ReceivesDossiers);
        if (on is { } d)
        {
            query = query.ValidOn(d);
        }

        var rows = await query
            .Join(db.Units, o => o.ParentId, p => p.Id, (o, p) => new { Office = o, UnitCode = p.Code, UnitName = p.Name })
            .OrderBy(o => o.Office.Code)
            .ToListAsync(ct);
        return TypedResults.Ok(new ItemList<OfficeItem>([.. rows.Select(o => new OfficeItem(
            o.Office.Code, o.Office.Name, o.UnitCode, o.UnitName, o.Office.ValidFrom, o.Office.ValidTo, o.Office.IsValidOn(today)))]));
    }

    private static async Task<Results<Ok<ItemList<UnitItem>>, ProblemHttpResult>> List(string? date, AppDbContext db, CancellationToken ct)
    {
        if (!TryParseDate(date, out var on))
        {
            return DateProblem();
        }

        var query = db.Units.AsNoTracking();
        if (on is { } d)
        {
            query = query.ValidOn(d);
        }

        return TypedResults.Ok(new ItemList<UnitItem>(await WithSharesAsync(await Items(query.OrderBy(u => u.Code), db).ToListAsync(ct), db, ct)));
    }

    private static async Task<Results<Ok<UnitItem>, NotFound>> Get(string code, AppDbContext db, CancellationToken ct) =>
        await Items(db.Units.AsNoTracking().Where(u => u.Code == code), db).FirstOrDefaultAsync(ct) is { } unit
            ? TypedResults.Ok((await WithSharesAsync([unit], db, ct))[0])
            : TypedResults.NotFound();

    /// <summary>Each closed unit's successors with their shares (a whole merger: the one successor, 100 %), the principal first (about a thousand rows for a city: read at once).</summary>
    private static async Task<List<UnitItem>> WithSharesAsync(List<UnitItem> items, AppDbContext db, CancellationToken ct)
    {
        var shares = (await (from x in db.Set<UnitSuccession>().AsNoTracking()
                             join p in db.Units on x.PredecessorId equals p.Id
                             join s in db.Units on x.SuccessorId equals s.Id
                             select new { Predecessor = p.Code, Successor = s.Code, x.SharePercent }).ToListAsync(ct))
            .ToLookup(x => x.Predecessor);
        return [.. items.Select(u => shares[u.Code].Any()
            ? u with { Successors = [.. shares[u.Code].OrderByDescending(x => x.Successor == u.SuccessorCode).ThenByDescending(x => x.SharePercent).Select(x => new UnitShareItem(x.Successor, x.SharePercent))] }
            : u with { Successors = u.SuccessorCode is { } whole ? [new UnitShareItem(whole, 100)] : [] })];
    }

    private static IQueryable<UnitItem> Items(IQueryable<Unit> query, AppDbContext db) =>
        from u in query
        join p in db.Units on u.ParentId equals p.Id into parents
        from p in parents.DefaultIfEmpty()
        join s in db.Units on u.SuccessorId equals s.Id into successors
        from s in successors.DefaultIfEmpty()
        select new UnitItem(u.Code, u.Name, u.Kind.ToString(), p == null ? null : p.Code, u.ValidFrom, u.ValidTo, s == null ? null : s.Code, u.ReceivesDossiers, u.Note);

    private static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        return false;
    }

    private static ProblemHttpResult DateProblem() =>
        Failure.Invalid("date", Texts.Get("Common.DateFormatShort")).ToProblem();
}
