using MotCua.Features.Dossiers.Contracts;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>
/// A dossier that will be late: the responsible agency apologises and sets a new appointment (form 04), at the
/// latest the working day before the deadline and at most once, as the one-stop regulation in force says
/// (<see cref="OneStopRules"/>). A second re-appointment is refused with that article; an apology made later than
/// the rule allows is still recorded, as late, and counted in the reports. The citizen is told, and the deadline
/// warnings start afresh.
/// </summary>
public sealed class Apologise : ProcessAction
{
    public override DossierAction Kind => DossierAction.Apologise;

    public override string? NoteRequired => Texts.Get("Workflow.ApologyReasonRequired");

    public override async Task<Guid> ActingUnitAsync(ActionContext c, DossierTask? target, CancellationToken ct) =>
        (await c.Services.Agencies.ResponsibleAsync(c.Dossier.OfficeId, VietnamTime.Today(c.Services.Clock), ct))?.Id ?? c.Dossier.OfficeId;

    public override async Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        var dossier = c.Dossier;
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(c.Now).DateTime);
        var rule = OneStopRules.On(today);
        var made = await c.Db.Set<DossierApology>().CountAsync(a => a.DossierId == dossier.Id, ct);
        if (made >= rule.MaxReappointments)
        {
            return Failure.Invalid("action", Texts.Get("Workflow.ReappointedAlready", made, rule.LateDossierArticle));
        }

        var calendar = await c.Services.Calendars.GetAsync(ct);
        if (request.NewDueDate is not { } newDate || newDate <= dossier.DueDate || !WorkingDayCalendar.InRange(newDate) || !calendar.IsWorkingDay(newDate))
        {
            return Failure.Invalid("newDueDate", Texts.Get("Workflow.NewDueDateInvalid", dossier.DueDate));
        }

        var office = await c.Services.Hours.ForOfficeAsync(dossier.OfficeId, ct);
        var newDueAt = new DateTimeOffset(newDate.ToDateTime(office.EndOfDay), VietnamTime.Offset).ToUniversalTime();
        var latest = calendar.WorkingDaysBefore(dossier.DueDate, rule.ApologyWorkingDaysBefore);
        var inTime = today <= latest;
        var reason = request.Note!.Trim();
        c.Db.Add(new DossierApology
        {
            DossierId = dossier.Id, At = c.Now, By = c.Actor, Reason = reason, PreviousDueAt = dossier.DueAt, NewDueAt = newDueAt, InTime = inTime, LatestOn = latest,
            Basis = rule.LateDossierArticle.Vi,
        });
        c.Detail = inTime
            ? EventDetail.Of("Event.Apology", EventDetail.Instant(dossier.DueAt), EventDetail.Instant(newDueAt))
            : EventDetail.Of("Event.ApologyLate", EventDetail.Instant(dossier.DueAt), EventDetail.Instant(newDueAt),
                EventDetail.Both(rule.LateDossierArticle.Vi, rule.LateDossierArticle.En), EventDetail.Day(latest));
        c.ToCitizen("apology", $"Hồ sơ {dossier.Code}: xin lỗi và hẹn lại ngày trả kết quả",
            $"Cơ quan giải quyết xin lỗi vì hồ sơ \"{dossier.ProcedureName}\" chưa có kết quả đúng hẹn ({ActionContext.Describe(dossier.DueAt)}). Lý do: {reason}. Hẹn trả mới: {ActionContext.Describe(newDueAt)}.");
        dossier.Reappoint(newDate, newDueAt);
        return null;
    }
}
