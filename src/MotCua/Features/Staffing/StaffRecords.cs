using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

/// <summary>A position of a unit with how many hold it on a day.</summary>
public sealed record PositionLine(Guid Id, Guid UnitId, string Name, string Category, string? Rank, int? RotationYears, string? RotationBasis, int Holders);

/// <summary>A person in post in a unit on a day: the position held since when, and an exemption from rotation if any.</summary>
public sealed record PersonLine(Guid Id, string FullName, string Category, string? Rank, Guid PositionId, string Position, DateOnly Since, DateOnly? ExemptUntil, string? ExemptReason, bool HasAccount);

/// <summary>
/// Staff records as leaders keep them, for the API and the pages alike: positions, people (appointed at once or
/// later), exemptions from rotation, and what a unit's people and positions are on a day. Leaders of the unit and
/// above edit (<see cref="StaffingDesk.MayEditAsync"/>); a unit the caller does not see is not found.
/// </summary>
public sealed class StaffRecords(AppDbContext db, UnitTree tree, UnitScope scope, StaffingDesk desk, StaffMemberships accounts, TimeProvider clock)
{
    public const int MaxListed = 500;

    /// <summary>The unit by code when the caller sees it (null otherwise: not found, alike).</summary>
    public Task<UnitInfo?> VisibleUnitAsync(string? code, ClaimsPrincipal user, CancellationToken ct = default) =>
        scope.VisibleUnitAsync(user, code, ct);

    public async Task<Result<Position>> AddPositionAsync(ClaimsPrincipal user, NewPosition body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        if (!EnumNames.TryParse(body.Category!.Trim(), out StaffCategory category))
        {
            return Failure.Invalid("category", Texts.Get("Staffing.CategoryRequired"));
        }

        if (await VisibleUnitAsync(body.UnitCode, user, ct) is not { } unit)
        {
            return Failure.NotFound();
        }

        if (!await desk.MayEditAsync(user, unit.Id, ct))
        {
            return Failure.Forbidden(Texts.Get("Staffing.LeadersEdit"));
        }

        var position = new Position
        {
            UnitId = unit.Id, Name = body.Name!.Trim(), Category = category, Rank = Blank(body.Rank), RotationYears = body.RotationYears,
            RotationBasis = body.RotationYears is null ? null : Blank(body.RotationBasis), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(position);
        await db.SaveChangesAsync(ct);
        return position;
    }

    /// <summary>
    /// A new staff record, appointed at once to a position when <paramref name="appointment"/> is given: both or
    /// neither are saved (a unit at its quota refuses the appointment, and then the person is not added either).
    /// </summary>
    public async Task<Result<StaffPerson>> AddPersonAsync(ClaimsPrincipal user, NewPerson body, Appointment? appointment = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        if (!EnumNames.TryParse(body.Category!.Trim(), out StaffCategory category))
        {
            return Failure.Invalid("category", Texts.Get("Staffing.CategoryRequired"));
        }

        if (!user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.Administrator))
        {
            return Failure.Forbidden(Texts.Get("Staffing.LeadersEdit"));
        }

        Guid? account = null;
        if (body.Account is { Length: > 0 } username && (account = await accounts.AccountIdAsync(username.Trim(), ct)) is null)
        {
            return Failure.Invalid("account", Texts.Get("Staffing.AccountUnknown"));
        }

        if (await db.Set<StaffPerson>().AnyAsync(p => p.IdNumber == body.IdNumber, ct))
        {
            return Failure.Conflict(Texts.Get("Staffing.PersonExists"), field: "idNumber");
        }

        var person = new StaffPerson
        {
            FullName = body.FullName!.Trim(), IdNumber = body.IdNumber!, Category = category, Rank = Blank(body.Rank), JoinedOn = body.JoinedOn, AccountId = account,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(person);
        if (appointment is not null)
        {
            var appointed = await AppointAsync(user, person, appointment, ct);
            if (appointed.Failure is { } failure)
            {
                db.Entry(person).State = EntityState.Detached;
                return failure;
            }

            return person;
        }

        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>Appoints a person (one the caller may see or not: the position's unit decides) to a position from a day.</summary>
    public async Task<Result<PositionHeld>> AppointAsync(ClaimsPrincipal user, Guid personId, Appointment body, CancellationToken ct = default) =>
        await db.Set<StaffPerson>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) is { } person
            ? await AppointAsync(user, person, body, ct)
            : Failure.NotFound();

    private async Task<Result<PositionHeld>> AppointAsync(ClaimsPrincipal user, StaffPerson person, Appointment body, CancellationToken ct)
    {
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        var position = await db.Set<Position>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == body.PositionId, ct);
        if (position is null || await tree.FindAsync(position.UnitId, ct) is not { } unit || !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(unit.Id))
        {
            return Failure.Invalid("positionId", Texts.Get("Staffing.PositionRequired"));
        }

        if (!await desk.MayEditAsync(user, unit.Id, ct))
        {
            return Failure.Forbidden(Texts.Get("Staffing.LeadersEdit"));
        }

        return await desk.AppointAsync(person, position, unit, body.From!.Value, Blank(body.Decision), ct);
    }

    /// <summary>Records that a person is not to be rotated until a day, for the law's reason (no day: the exemption ends). The person is seen through the unit of the position held today.</summary>
    public async Task<Result<StaffPerson>> ExemptAsync(ClaimsPrincipal user, Guid id, Exemption body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        if (body.Until is not null && string.IsNullOrWhiteSpace(body.Reason))
        {
            return Failure.Invalid("reason", Texts.Get("Staffing.ReasonRequired"));
        }

        var today = VietnamTime.Today(clock);
        var unit = await db.Set<PositionHeld>().AsNoTracking().ValidOn(today).Where(h => h.PersonId == id).Select(h => (Guid?)h.UnitId).FirstOrDefaultAsync(ct);
        var person = await db.Set<StaffPerson>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || unit is not { } unitId || !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(unitId))
        {
            return Failure.NotFound();
        }

        if (!await desk.MayEditAsync(user, unitId, ct))
        {
            return Failure.Forbidden(Texts.Get("Staffing.LeadersEdit"));
        }

        (person.ExemptUntil, person.ExemptReason) = (body.Until, body.Until is null ? null : body.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>The positions of the units (by unit, then name) with their holders on the day.</summary>
    public async Task<List<PositionLine>> PositionsAsync(IReadOnlyCollection<Guid> unitIds, DateOnly on, CancellationToken ct = default)
    {
        var ids = unitIds.ToList();
        var holders = await db.Set<PositionHeld>().AsNoTracking().ValidOn(on).Where(h => ids.Contains(h.UnitId))
            .GroupBy(h => h.PositionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var positions = await db.Set<Position>().AsNoTracking().Where(p => ids.Contains(p.UnitId)).ToListAsync(ct);
        return [.. positions.OrderBy(p => p.UnitId).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PositionLine(p.Id, p.UnitId, p.Name, StaffingDesk.CategoryName(p.Category), p.Rank, p.RotationYears, p.RotationBasis, holders.GetValueOrDefault(p.Id)))];
    }

    /// <summary>The people in post in a unit on the day (by name), at most <see cref="MaxListed"/>, and how many there are.</summary>
    public async Task<(List<PersonLine> People, int Count)> PeopleAsync(Guid unitId, DateOnly day, CancellationToken ct = default)
    {
        var query = from h in db.Set<PositionHeld>().AsNoTracking().ValidOn(day)
                    join p in db.Set<StaffPerson>() on h.PersonId equals p.Id
                    join post in db.Set<Position>() on h.PositionId equals post.Id
                    where h.UnitId == unitId
                    select new { p.Id, p.FullName, p.Category, p.Rank, PositionId = post.Id, post.Name, h.ValidFrom, p.ExemptUntil, p.ExemptReason, p.AccountId };
        var count = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.FullName).ThenBy(x => x.Id).Take(MaxListed).ToListAsync(ct);
        return ([.. rows.Select(x => new PersonLine(x.Id, x.FullName, StaffingDesk.CategoryName(x.Category), x.Rank, x.PositionId, x.Name, x.ValidFrom, x.ExemptUntil, x.ExemptReason, x.AccountId is not null))], count);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
