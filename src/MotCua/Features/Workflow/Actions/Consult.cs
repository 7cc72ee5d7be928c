using System.Globalization;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>Asks another agency's opinion (inter-agency): a consultation task at that agency, with its own deadline in working days.</summary>
public sealed class Consult : ProcessAction
{
    public override DossierAction Kind => DossierAction.Consult;

    public override string? NoteRequired => Texts.Get("Workflow.NoteRequired");

    public override bool HolderOnly => true;

    public override async Task<Failure?> ApplyAsync(ActionContext c, ActionRequest request, CancellationToken ct)
    {
        var unit = request.Agency is { Length: > 0 } agency ? await c.Services.Tree.FindByCodeAsync(agency.Trim(), ct) : null;
        if (unit is null || !unit.IsValidOn(VietnamTime.Today(c.Services.Clock)))
        {
            return Failure.Invalid("agency", Texts.Get("Workflow.ConsultAgencyRequired"));
        }

        var days = request.WorkingDays ?? 2;
        if (days is < 1 or > 30)
        {
            return Failure.Invalid("workingDays", Texts.Get("Workflow.ConsultDays"));
        }

        var calendar = await c.Services.Calendars.GetAsync(ct);
        var due = calendar.AddWorkingHours(c.Now, days * 8, await c.Services.Hours.ForOfficeAsync(c.Dossier.OfficeId, ct));
        var name = $"Xin ý kiến: {unit.Name}";
        c.Db.Add(DossierTask.Open(c.Dossier, c.Dossier.CurrentStep, name, TaskKind.Consultation, unit.Id, Roles.Specialist, c.Now, due, note: request.Note?.Trim()));
        c.To = name;
        c.Detail = EventDetail.Of("Event.Consult", EventDetail.Instant(due), days.ToString(CultureInfo.InvariantCulture), unit.Name);
        return null;
    }
}
