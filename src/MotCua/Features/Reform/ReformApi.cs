using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Reform;

public sealed record ItemList<T>(IReadOnlyList<T> Items);

public sealed record NewId(Guid Id);

public static class ReformApi
{
    public static IEndpointRouteBuilder MapReform(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var read = app.MapGroup("/api/reform").WithTags("Reform").RequireAuthorization(Policies.Reports);
        var write = app.MapGroup("/api/reform").WithTags("Reform").RequireAuthorization(Policies.Management);
        read.MapGet("/plans", Plans).WithSummary("A unit's reform plans (the unit must be one the caller sees)");
        read.MapGet("/plans/{id:guid}", Plan).WithSummary("A plan's targets: each with its target, its actual (measured: the dashboard's figure for the unit and year; or reported by hand) and the source of it");
        write.MapPost("/plans", AddPlan).WithSummary("A reform plan of a unit for a period with its targets (measured: satisfaction, onTime, online, digitised, serviceIndex; or null: reported by hand)");
        write.MapPost("/plans/{id:guid}/targets/{targetId:guid}/report", Report).WithSummary("The value a hand-reported target reached, with its evidence");
        read.MapGet("/findings", Findings).WithSummary("The findings of supervision and inspection delegations for the unit and the units below it");
        write.MapPost("/findings", AddFinding).WithSummary("A finding to follow up: its source, text, responsible unit, coordinating units and deadline");
        write.MapPost("/findings/{id:guid}/done", Done).WithSummary("Record that a finding was done, with the evidence");
        return app;
    }

    private static async Task<Results<Ok<ItemList<PlanItem>>, NotFound>> Plans(string? unit, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct) =>
        await desk.VisibleUnitAsync(unit, user, ct) is { } found ? TypedResults.Ok(new ItemList<PlanItem>(await desk.PlansAsync(found, ct))) : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanView>, NotFound>> Plan(Guid id, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct) =>
        await desk.PlanAsync(id, user, ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddPlan(NewPlan body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.AddPlanAsync(user, body, ct);
        return result.Value is { } plan ? TypedResults.Created($"/api/reform/plans/{plan.Id}", new NewId(plan.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Report(Guid id, Guid targetId, TargetReport body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.ReportAsync(user, id, targetId, body, ct);
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ItemList<FindingView>>, NotFound>> Findings(string? unit, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct) =>
        await desk.VisibleUnitAsync(unit, user, ct) is { } found ? TypedResults.Ok(new ItemList<FindingView>(await desk.FindingsAsync(found, ct))) : TypedResults.NotFound();

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddFinding(NewFinding body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.AddFindingAsync(user, body, ct);
        return result.Value is { } finding ? TypedResults.Created($"/api/reform/findings/{finding.Id}", new NewId(finding.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Done(Guid id, FindingDone body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.CompleteAsync(user, id, body, ct);
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }
}
