using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Workflow.Actions;
using MotCua.Features.Workflow.Contracts;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Workflow;

public static class WorkflowModule
{
    public static IServiceCollection AddWorkflowModule(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section);
        services.AddScoped<StepAgencies>();
        services.AddSingleton<IStepProfiles>(ProcessRules.Current);
        services.AddScoped<IHandles<DossierReceived>, WorkflowStart>();
        services.AddScoped<IDossierHolders, TaskHolders>();
        services.AddScoped<ActionServices>();
        foreach (var action in typeof(ProcessAction).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ProcessAction)) && !t.IsAbstract))
        {
            services.AddScoped(typeof(ProcessAction), action);
        }

        services.AddScoped<ProcessEngine>();
        services.AddScoped<ResultReturn>();
        services.AddScoped<Inbox>();
        services.AddScoped<Contracts.WorkToday>();
        services.AddScoped<DossierProgress>();
        services.AddScoped<WorkflowForms>();
        services.AddScoped<ApologyFacts>();
        services.AddRecurringJob<DeadlineSweeper>(sp => sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflow(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/dossiers").WithTags("Workflow").RequireAuthorization(Policies.Staff);
        dossiers.MapPost("/{code}/actions", Act)
            .WithSummary("Takes an action in the dossier's process (optimistic concurrency: a stale expectedVersion is 409)");
        dossiers.MapGet("/{code}/progress", Progress).WithSummary("The dossier's tasks, deadlines, ratings, apologies and control slip rows");
        dossiers.MapGet("/{code}/control-slip.pdf", ControlSlip).WithSummary("The processing control slip (form 05 in 2018, 06 in 2025)");
        dossiers.MapGet("/{code}/apologies/{id:guid}.pdf", Apology).WithSummary("An apology and new appointment (form 04)");
        dossiers.MapGet("/{code}/stop-notice.pdf", StopNotice).WithSummary("The notice that handling stopped, with its reason (form 05 of Circular 03/2025)");
        app.MapGet("/api/inbox", InboxPage).WithTags("Workflow").RequireAuthorization(Policies.Staff)
            .WithSummary("The caller's open work: counts by urgency, a filtered page sorted by urgency");
        return app;
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> Act(
        string code, ActionRequest request, ClaimsPrincipal user, ProcessEngine engine, DossierReader reader, CancellationToken ct)
    {
        if (await engine.ActAsync(code, request, user, ct: ct) is not { } failure)
        {
            return TypedResults.Ok((await reader.ViewAsync(code, user, ct))!);
        }

        // A conflict carries the dossier as it is now, so that the caller can decide again without another read.
        return (failure.Kind == FailureKind.Conflict ? failure with { Extensions = new Dictionary<string, object?> { ["dossier"] = await reader.ViewAsync(code, user, ct) } } : failure).ToProblem();
    }

    private static async Task<Results<Ok<ProgressView>, NotFound>> Progress(string code, ClaimsPrincipal user, DossierReader reader, DossierProgress progress, CancellationToken ct) =>
        await reader.FindAsync(code, user, ct) is { } dossier ? TypedResults.Ok(await progress.ReadAsync(dossier, ct)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ControlSlip(string code, ClaimsPrincipal user, DossierReader reader, WorkflowForms forms, CancellationToken ct) =>
        await reader.ReadAsync(code, user, "control-slip", ct) is { } d
            ? TypedResults.File(await forms.ControlSlipAsync(d, ct), "application/pdf", $"phieu-kiem-soat-{code}.pdf")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Apology(string code, Guid id, ClaimsPrincipal user, DossierReader reader, WorkflowForms forms, CancellationToken ct) =>
        await reader.ReadAsync(code, user, "apology", ct) is { } d && await forms.ApologyAsync(d, id, ct) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", $"phieu-xin-loi-{code}.pdf")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> StopNotice(string code, ClaimsPrincipal user, DossierReader reader, WorkflowForms forms, CancellationToken ct) =>
        await reader.ReadAsync(code, user, "stop-notice", ct) is { } d && await forms.StopNoticeAsync(d, ct) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", $"thong-bao-dung-{code}.pdf")
            : TypedResults.NotFound();

    private static async Task<Ok<InboxPage>> InboxPage(
        ClaimsPrincipal user, Inbox inbox, [FromQuery] string? filter, [FromQuery] string? procedure, [FromQuery] bool? mine, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await inbox.ReadAsync(new InboxQuery(filter, procedure, mine ?? false, page ?? 1, pageSize ?? 50), user, ct));
}
