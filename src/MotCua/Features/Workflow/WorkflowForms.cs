using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow;

/// <summary>The workflow's official forms, from the dossier's own records: the control slip, the apologies and the stop notice.</summary>
public sealed class WorkflowForms(AppDbContext db, DossierStore dossiers, DossierProgress progress, UnitTree units, StaffDirectory staff, TimeProvider clock)
{
    public async Task<byte[]> ControlSlipAsync(IDossier d, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(d);
        ProgressView view;
        using (Texts.InVietnameseScope())
        {
            view = await progress.ReadAsync(d, ct);
        }

        var (parent, office, place) = await units.FormHeaderAsync(d.OfficeId, ct);
        var agencies = string.Join(", ", view.Tasks.Select(t => t.UnitName).Where(n => n.Length > 0).Distinct());
        return ControlSlipPdf.Render(new ControlSlipData(parent, office, d.Code, d.ApplicantName, d.ProcedureName, agencies, d.ReceivedAt, d.DueAt, view.ControlSlip, clock.GetUtcNow(), place));
    }

    public async Task<byte[]?> ApologyAsync(IDossier d, Guid id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (await db.Set<DossierApology>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.DossierId == d.Id, ct) is not { } a)
        {
            return null;
        }

        var (parent, office, place) = await units.FormHeaderAsync(d.OfficeId, ct);
        var signer = (await staff.FullNamesAsync([a.By], ct)).GetValueOrDefault(a.By, a.By);
        return ApologyPdf.Render(new ApologyData(parent, office, d.ApplicantName, d.Code, d.ProcedureName, d.ReceivedAt, a.PreviousDueAt, a.Reason, a.NewDueAt, signer, a.At, place));
    }

    /// <summary>The notice that handling stopped, with the reason given; null unless the dossier was stopped under a set that has the form.</summary>
    public async Task<byte[]?> StopNoticeAsync(IDossier d, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(d);
        var stop = EnumNames.Of(DossierAction.Stop);
        if (d.Status != DossierStatus.Stopped
            || await dossiers.Events.Where(e => e.DossierId == d.Id && e.Action == stop).OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct) is not { } e)
        {
            return null;
        }

        var (parent, office, place) = await units.FormHeaderAsync(d.OfficeId, ct);
        var signer = e.Actor is { } by ? (await staff.FullNamesAsync([by], ct)).GetValueOrDefault(by, by) : "";
        return StopNoticePdf.Render(new StopNoticeData(parent, office, d.ApplicantName, d.ApplicantAddress ?? "", d.Code, d.ProcedureName, d.ReceivedAt, e.Note ?? "", signer, e.At, place));
    }

}
