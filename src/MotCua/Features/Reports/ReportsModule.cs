using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReportsModule(this IServiceCollection services)
    {
        services.AddScoped<ReportScope>();
        services.AddScoped<IHandles<DossierResultWithdrawn>, StaleOnWithdrawal>();
        services.AddScoped<IHandles<EvaluationRecounted>, StaleOnEvaluation>();
        services.AddScoped<UnitFigures>();
        services.AddScoped<Dashboards>();
        services.AddScoped<ServiceIndex>();
        services.AddScoped<Contracts.UnitMeasures>();
        services.AddScoped<ReportRollup>();
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section);
        services.AddScoped<MonthlyReports>();
        services.AddRecurringJob<ReportsJob>(sp => sp.GetRequiredService<IOptions<ReportsOptions>>().Value.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Reports);
        api.MapGet("/service-index", Index).WithSummary("The service-quality index of Decision 766 for a unit and period: six groups with numerator and denominator (404 outside the caller's units)");
        api.MapGet("/dashboard", Dashboard).WithSummary("A unit's figures for a period: totals, trend, breakdowns, units below ranked (404 outside the caller's units)");
        api.MapGet("/dossiers", Dossiers).WithSummary("The dossiers behind one figure of the dashboard, 50 a page");
        return app;
    }

    private static async Task<Results<Ok<ServiceIndexView>, ProblemHttpResult, NotFound>> Index(
        [FromQuery] string? unit, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, ClaimsPrincipal user, ReportScope scope, ReplicaReads replica, CancellationToken ct)
    {
        var period = Period.Parse(from, to);
        if (period.Failure is { } invalid)
        {
            return invalid.ToProblem();
        }

        if (await scope.ResolveAsync(user, unit, ct) is not { } u)
        {
            return TypedResults.NotFound();
        }

        var (view, lag) = await replica.ReadAsync<ServiceIndex, ServiceIndexView>(index => index.ComputeAsync(u, period.Value!, ct), ct);
        return TypedResults.Ok(view with { ReplicaLagSeconds = lag });
    }

    private static async Task<Results<Ok<DashboardView>, ProblemHttpResult, NotFound>> Dashboard(
        [FromQuery] string? unit, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] string? trend, ClaimsPrincipal user, ReportScope scope, ReplicaReads replica, CancellationToken ct)
    {
        var period = Period.Parse(from, to);
        if (period.Failure is { } invalid)
        {
            return invalid.ToProblem();
        }

        if (await scope.ResolveAsync(user, unit, ct) is not { } u)
        {
            return TypedResults.NotFound();
        }

        var (view, lag) = await replica.ReadAsync<Dashboards, DashboardView>(dashboards => dashboards.ReadAsync(u, period.Value!, trend, ct), ct);
        return TypedResults.Ok(view with { ReplicaLagSeconds = lag });
    }

    private static async Task<Results<Ok<DossierPage>, ProblemHttpResult, NotFound>> Dossiers(
        [FromQuery] string? unit, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] string? measure, [FromQuery] string? procedure, [FromQuery] string? office,
        [FromQuery] string? officer, [FromQuery] int? page, ClaimsPrincipal user, ReportScope scope, UnitTree tree, Dashboards dashboards, CancellationToken ct)
    {
        var parsed = Period.Parse(from, to);
        var errors = parsed.Failure?.Errors.ToDictionary() ?? [];
        if (measure is null || !Measure.All.Contains(measure))
        {
            errors["measure"] = [Texts.Get("Reports.MeasureOneOf", string.Join(", ", Measure.All))];
        }

        if (parsed.Value is not { } period || errors.Count > 0)
        {
            return Failure.Invalid(errors).ToProblem();
        }

        if (await scope.ResolveAsync(user, unit, ct) is not { } u)
        {
            return TypedResults.NotFound();
        }

        var slice = await SliceAsync(tree, procedure, office, officer, ct);
        return slice is null ? TypedResults.NotFound() : TypedResults.Ok(await dashboards.DossiersAsync(u, period, measure!, slice, page ?? 1, ct));
    }

    /// <summary>The slice a click-through narrows to; null when the office named does not exist.</summary>
    internal static async Task<Slice?> SliceAsync(UnitTree tree, string? procedure, string? office, string? officer, CancellationToken ct)
    {
        Guid? officeId = null;
        if (!string.IsNullOrWhiteSpace(office))
        {
            if (await tree.FindByCodeAsync(office.Trim(), ct) is not { } o)
            {
                return null;
            }

            officeId = o.Id;
        }

        return new Slice(string.IsNullOrWhiteSpace(procedure) ? null : procedure.Trim(), officeId, string.IsNullOrWhiteSpace(officer) ? null : officer.Trim());
    }
}
