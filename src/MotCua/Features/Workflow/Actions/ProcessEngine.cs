using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Notifications.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Workflow.Actions;

/// <summary>
/// Moves dossiers through their procedure's internal process. Every action (one class each, <see cref="ProcessAction"/>)
/// goes through the same pipeline: find the dossier in the caller's scope, check the version the caller read,
/// the state, the process's structure, the rules (<see cref="ProcessRules"/>, data) and the caller's agency and
/// holding; then the action's change, the hash-chained event, the messages and the in-process events, committed
/// together or not at all.
/// </summary>
public sealed class ProcessEngine(
    AppDbContext db, DossierReader reader, DossierStore dossiers, CatalogReader catalog, ActionServices services, UnitTree tree, DomainEvents events, IEnumerable<ProcessAction> actions)
{
    private readonly FrozenDictionary<DossierAction, ProcessAction> byKind = actions.ToFrozenDictionary(a => a.Kind);

    /// <summary>The actions the caller could take on the dossier now (what the dossier page offers).</summary>
    public async Task<IReadOnlyList<DossierAction>> AvailableAsync(IDossier dossier, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (await catalog.VersionAsync(dossier.ProcedureVersionId, ct) is not { } version)
        {
            return [];
        }

        var tasks = await db.Set<DossierTask>().AsNoTracking().Where(t => t.DossierId == dossier.Id && t.EndedAt == null).ToListAsync(ct);
        var context = new ActionContext(services, dossier, version, tasks, user, services.Clock.GetUtcNow());
        var available = new List<DossierAction>();
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            if (await CheckAsync(byKind[action], context, ct) is null)
            {
                available.Add(action);
            }
        }

        return available;
    }

    /// <summary>Takes the action; <paramref name="alsoInTransaction"/> is more work committed with it (e.g. storing the scanned result that is returned).</summary>
    public async Task<Failure?> ActAsync(string code, ActionRequest request, ClaimsPrincipal user, Func<IDossier, Task>? alsoInTransaction = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (await reader.FindAsync(code, user, ct) is not { } found)
        {
            return Failure.NotFound();
        }

        if (RequestRules.Check(request) is { } badRequest)
        {
            return badRequest;
        }

        if (!EnumNames.TryParse<DossierAction>(request.Action!.Trim(), out var kind))
        {
            return Failure.Invalid("action", Texts.Get("Workflow.UnknownAction", request.Action.Trim(), string.Join(", ", EnumNames.All<DossierAction>())));
        }

        var action = byKind[kind];
        var expected = request.ExpectedVersion!.Value;
        if (action.NoteRequired is { } noteMissing && string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", noteMissing);
        }

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var dossier = await dossiers.ForChangeAsync(found.Id, ct) ?? throw new InvalidOperationException($"Dossier {found.Code} vanished.");
        if (dossier.Version != expected)
        {
            return ActionFailures.Stale(Texts.Get("Workflow.Stale", dossier.Version));
        }

        var version = await catalog.VersionAsync(dossier.ProcedureVersionId, ct)
            ?? throw new InvalidOperationException($"Procedure version {dossier.ProcedureVersionId} of {dossier.Code} is missing.");
        var tasks = await db.Set<DossierTask>().Where(t => t.DossierId == dossier.Id && t.EndedAt == null).ToListAsync(ct);
        var context = new ActionContext(services, dossier, version, tasks, user, services.Clock.GetUtcNow().ToUniversalTime());
        if (await CheckAsync(action, context, ct) is { } refused)
        {
            return refused;
        }

        context.From = context.To = context.StepName(dossier.CurrentStep);
        if (await action.ApplyAsync(context, request, ct) is { } invalid)
        {
            return invalid;
        }

        await RecordAsync(action, context, request.Note?.Trim(), ct);
        dossier.Touch();
        try
        {
            if (alsoInTransaction is not null)
            {
                await alsoInTransaction(dossier);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another transition (or the sweeper) changed the dossier or its history since it was read: one wins.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            events.RolledBack();
            return ActionFailures.Stale(Texts.Get("Workflow.StaleJustNow"));
        }

        await events.CommittedAsync(ct);
        return null;
    }

    /// <summary>The event in the dossier's history, the messages keyed by it, and the in-process events, in the transaction.</summary>
    private async Task RecordAsync(ProcessAction action, ActionContext c, string? note, CancellationToken ct)
    {
        var dossier = c.Dossier;
        var e = await DossierEvents.AppendAsync(db, dossier.Id, c.Now, action.Name, c.Actor, c.From, c.To, note is { Length: > 0 } ? note : null, c.Detail, ct);
        foreach (var (username, kind, subject, body) in c.StaffMessages)
        {
            Outbox.ToStaff(db, username, $"{dossier.Code}/{e.Seq}/{kind}", subject, body, DossierLinks.Page(dossier.Code), c.Now);
        }

        foreach (var (kind, subject, body) in c.CitizenMessages)
        {
            Outbox.ToCitizen(db, new CitizenContact(dossier.ApplicantIdNumber, dossier.ApplicantEmail, dossier.ApplicantPhone),
                $"{dossier.Code}/{e.Seq}/{kind}", subject, body, services.Links.Track(dossier.Code, dossier.TrackingKey), c.Now);
        }

        var stepDue = c.StepDue ?? (c.Step is { EndedAt: null } open ? open.DueAt : null);
        await events.RaiseAsync(new DossierStepRecorded(dossier, e.Seq, c.Now, action.Name, c.Actor, c.From, c.To, stepDue), ct);
        foreach (var raise in c.Raised)
        {
            await raise(events, ct);
        }
    }

    /// <summary>Null when the caller may take the action now; otherwise why not (400 for the state, 403 for the caller).</summary>
    private async Task<Failure?> CheckAsync(ProcessAction action, ActionContext c, CancellationToken ct)
    {
        var dossier = c.Dossier;
        if (dossier.IsClosed)
        {
            return Failure.Invalid("action", Texts.Get("Workflow.Closed", DossierReader.StatusText(dossier.Status)));
        }

        if ((action.StateError(dossier.Status) ?? action.StructureError(dossier.CurrentStep, c.Steps) ?? action.TaskError(c)) is { } error)
        {
            return Failure.Invalid("action", error);
        }

        var (target, profile) = await action.TargetAsync(c, ct);
        var stepName = c.StepName(dossier.CurrentStep);
        if (ProcessRules.Current.RolesFor(profile, action.Kind) is not { } roles)
        {
            return Failure.Invalid("action", Texts.Get("Workflow.ActionNotInStep", Texts.Get("Action." + action.Name), stepName));
        }

        if (!roles.Any(c.User.IsInRole))
        {
            return ActionFailures.Forbidden(Texts.Get("Workflow.ActionForRoles", stepName, Texts.Get("Action." + action.Name), string.Join(", ", roles.Select(r => Texts.Get("Role." + r)))));
        }

        var actingUnit = await action.ActingUnitAsync(c, target, ct);
        if (!UnitTree.AndPredecessors(await tree.LinksAsync(ct), await c.MyUnitsAsync(ct)).Contains(actingUnit))
        {
            return ActionFailures.Forbidden(Texts.Get("Workflow.OtherAgency"));
        }

        if (action.HolderOnly && target?.Holder is { Length: > 0 } holder && holder != c.Actor && !c.User.IsInRole(Roles.Leader))
        {
            return ActionFailures.Forbidden(Texts.Get("Workflow.AssignedTo", holder));
        }

        return null;
    }
}
