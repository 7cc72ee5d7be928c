using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Intake;

/// <summary>Issues and prints requests to supplement (form 02) and refusals (form 03) at the counter.</summary>
public sealed class GuidanceDesk(AppDbContext db, UnitTree units, StaffDirectory staff, TimeProvider clock)
{
    public async Task<Guid> IssueAsync(
        GuidanceKind kind, UnitInfo office, Guid citizenId, string applicantName, ProcedureVersion version, List<GuidanceItem> missing, string? reason, string? officer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var day = VietnamTime.Today(clock);
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var sequence = await DossierCode.NextAsync(db, office.Code + "/HD", day, ct);
        var guidance = new IntakeGuidance
        {
            Kind = kind, Number = $"{office.Code}-{day:yyMMdd}-HD{sequence:000}", OfficeId = office.Id, OfficeCode = office.Code, CitizenId = citizenId,
            ApplicantName = applicantName, ProcedureCode = version.Code, ProcedureName = version.Name,
            Items = kind == GuidanceKind.Supplement ? missing : [], Reason = reason?.Trim(), Officer = officer, At = now,
        };
        db.Add(guidance);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return guidance.Id;
    }

    /// <summary>The guidance, if it was issued by an office the caller sees.</summary>
    public async Task<IntakeGuidance?> FindAsync(Guid id, IReadOnlySet<Guid> visibleUnits, CancellationToken ct)
    {
        var guidance = await db.Set<IntakeGuidance>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        return guidance is not null && visibleUnits.Contains(guidance.OfficeId) ? guidance : null;
    }

    public async Task<byte[]> RenderAsync(IntakeGuidance g, CancellationToken ct)
    {
        var header = await units.FormHeaderAsync(g.OfficeId, ct);
        var officer = g.Officer is { } username ? (await staff.FullNamesAsync([username], ct)).GetValueOrDefault(username, "") : "";
        return GuidancePdf.Render(new GuidanceData(
            g.Kind == GuidanceKind.Refusal, g.Number, header.Issuer, header.Agency is { Length: > 0 } name ? name : g.OfficeCode, g.ApplicantName, g.ProcedureName,
            [.. g.Items.Select(i => new MissingItem(i.Name, i.Originals, i.Copies, null))], g.Reason, officer, g.At, header.Place));
    }
}
