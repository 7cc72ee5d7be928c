using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Background;

namespace MotCua.Features.Operations;

/// <summary>The operator's view of the running system: nodes alive, their background work, backlogs, database and Redis.</summary>
public static class OperationsModule
{
    public static IServiceCollection AddOperationsModule(this IServiceCollection services)
    {
        services.AddSingleton<ThisNode>();
        services.AddScoped<OperationsStatus>();
        services.AddRecurringJob<NodeHeartbeat>(NodeHeartbeat.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/operations/status", async (OperationsStatus status, CancellationToken ct) => TypedResults.Ok(await status.ReadAsync(ct)))
            .WithTags("Operations").RequireAuthorization(Policies.Administrator)
            .WithSummary("The nodes alive, each one's background work (last run, next run, errors), the backlogs, the database and Redis, and the version deployed: administrators");
        return app;
    }
}
