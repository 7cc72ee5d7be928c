using System.Globalization;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>
/// The citizen completed the dossier at the office that received it: the clock runs again, by the procedure's
/// policy either on from where it stopped (the paused working days are added; the one-stop regulation's rule) or
/// from the start (where a specialised law says so: the version's <see cref="ProcedureVersion.ClockBasis"/>). The
/// event names the article it applied.
/// </summary>
public sealed class SupplementReceived : ProcessAction
{
    public override DossierAction Kind => DossierAction.SupplementReceived;

    public override string? StateError(DossierStatus status) => status == DossierStatus.WaitingSupplement ? null : Texts.Get("Workflow.NotWaitingSupplement");

    public override Task<Guid> ActingUnitAsync(ActionContext c, DossierTask? target, CancellationToken ct) => Task.FromResult(c.Dossier.OfficeId);

    public override async Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        var dossier = c.Dossier;
        var policy = c.Version.ClockPolicy;
        var calendar = await c.Services.Calendars.GetAsync(ct);
        var office = await c.Services.Hours.ForOfficeAsync(dossier.OfficeId, ct);
        var pausedOn = DateOnly.FromDateTime(VietnamTime.ToVietnam(dossier.PausedAt!.Value).DateTime);
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(c.Now).DateTime);
        var previous = dossier.DueDate;
        var pausedDays = calendar.WorkingDaysBetween(pausedOn, today);
        var dueDate = calendar.AfterPause(dossier.DueDate, dossier.LegalWorkingDays, pausedOn, today, policy);
        dossier.ResumeAfterSupplement(dueDate, new DateTimeOffset(dueDate.ToDateTime(office.EndOfDay), VietnamTime.Offset));
        if (c.Step is { } task)
        {
            task.DueAt = policy == ClockPolicy.Restart
                ? calendar.AddWorkingHours(c.Now, c.Steps[task.StepIndex].AllottedHours, office)
                : Shift(calendar, task.DueAt, pausedDays);
            task.PausedAt = null;
        }

        var article = OneStopRules.On(today).SupplementArticle;
        var basis = c.Version.ClockBasis ?? EventDetail.Both(article.Vi, article.En);
        c.Detail = policy == ClockPolicy.Restart
            ? EventDetail.Of("Event.SupplementRestart", basis, EventDetail.Day(dossier.DueDate), EventDetail.Day(previous))
            : EventDetail.Of("Event.SupplementResume", pausedDays.ToString(CultureInfo.InvariantCulture), basis, EventDetail.Day(dossier.DueDate), EventDetail.Day(previous));
        c.ToCitizen("supplementReceived", $"Hồ sơ {dossier.Code} đã đủ", $"Hồ sơ đã được bổ sung đủ. Hẹn trả kết quả mới: {ActionContext.Describe(dossier.DueAt)}.");
        return null;
    }

    private static DateTimeOffset Shift(WorkingDayCalendar calendar, DateTimeOffset due, int workingDays)
    {
        var local = VietnamTime.ToVietnam(due);
        var day = calendar.AddWorkingDays(DateOnly.FromDateTime(local.DateTime), workingDays);
        return new DateTimeOffset(day.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)), VietnamTime.Offset).ToUniversalTime();
    }
}
