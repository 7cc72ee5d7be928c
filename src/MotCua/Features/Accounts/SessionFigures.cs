using Microsoft.EntityFrameworkCore;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Accounts;

/// <summary>
/// For every office that receives dossiers: how many staff are signed in now (an open session) who work at the
/// office or at the ward or commune it serves. Zero is reported too: "nobody is signed in" is what the alert needs.
/// </summary>
internal sealed class SessionFigures(AppDbContext db, UnitTree units) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime);
        var signedIn = await db.Set<Session>().Where(s => s.EndedAt == null && s.ExpiresAt > now)
            .Join(db.Users.Where(a => a.Kind == AccountKind.Staff), s => s.AccountId, a => a.Id, (s, a) => a.Id)
            .Join(db.Memberships.ValidOn(today), a => a, m => m.AccountId, (a, m) => new { Account = a, m.UnitId })
            .Distinct().ToListAsync(ct);
        return (await units.CurrentOfficesAsync(today, ct)).Select(office => new GaugeReading("motcua.staff.signed_in",
            signedIn.Where(s => s.UnitId == office.Id || s.UnitId == office.ParentId).Select(s => s.Account).Distinct().Count(), office.Code));
    }
}
