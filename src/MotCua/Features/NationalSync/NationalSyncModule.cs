using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.NationalSync.Sandbox;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.NationalSync;

/// <summary>A record the portal has not taken: why, how often it was tried, and when it is tried next (never, while held).</summary>
public sealed record SyncFailure(Guid Id, string DossierCode, int Seq, int Attempts, bool Held, string? LastError, DateTimeOffset? LastAttemptAt, DateTimeOffset NextAttemptAt);

/// <summary>What the portal still has to take from the caller's offices, and what failed.</summary>
public sealed record SyncState(int Backlog, DateTimeOffset? Oldest, IReadOnlyList<SyncFailure> Items);

public static class NationalSyncModule
{
    private static readonly string SandboxKey = RandomNumberGenerator.GetHexString(32);

    public static IServiceCollection AddNationalSyncModule(this IServiceCollection services)
    {
        services.AddOptions<NationalSyncOptions>().BindConfiguration(NationalSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (PortalSandbox.Active(configuration, o) && o.AccessKey.Length == 0)
                {
                    o.AccessKey = SandboxKey;
                }
            });
        services.AddScoped<IHandles<DossierStepRecorded>, SyncOnStep>();
        services.AddScoped<NationalPortal>();
        services.AddScoped<SyncDispatcher>();
        services.AddScoped<IOperationalFigures, SyncFigures>();
        services.AddScoped<SyncDesk>();
        services.AddHttpClient(NationalPortal.Client);
        services.AddSingleton<SandboxPortalBehaviour>(sp => new SandboxPortalBehaviour
        {
            Latency = TimeSpan.FromMilliseconds(sp.GetRequiredService<IConfiguration>().GetValue("Sandbox:NationalPortal:LatencyMs", 0)),
        });
        services.AddRecurringJob<SyncJob>(sp => sp.GetRequiredService<IOptions<NationalSyncOptions>>().Value.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapNationalSync(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/national-sync").WithTags("National portal").RequireAuthorization(Policies.Management);
        api.MapGet("/failures", (ClaimsPrincipal user, SyncDesk desk, CancellationToken ct) => desk.StateAsync(user, ct))
            .WithSummary("What the national portal still has to take from the caller's offices, and the records it did not take, with why");
        api.MapPost("/failures/{id:guid}/retry", RetryAsync)
            .WithSummary("Sends a record again now (one the portal refused, after its cause was mended; or one waiting for its next try)");
        if (PortalSandbox.Active(app.ServiceProvider.GetRequiredService<IConfiguration>(), app.ServiceProvider.GetRequiredService<IOptions<NationalSyncOptions>>().Value))
        {
            PortalSandbox.Map(app);
        }

        return app;
    }

    private static async Task<Results<NoContent, NotFound>> RetryAsync(Guid id, ClaimsPrincipal user, SyncDesk desk, CancellationToken ct) =>
        await desk.RetryAsync(user, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// <summary>The sync as an office's staff see it: the backlog of their offices, the failures, sending again.</summary>
public sealed class SyncDesk(AppDbContext db, UnitScope scope, TimeProvider clock)
{
    public async Task<SyncState> StateAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var visible = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        var pending = db.Set<SyncMessage>().AsNoTracking().Where(m => m.SentAt == null && visible.Contains(m.OfficeId));
        var backlog = await pending.CountAsync(ct);
        var oldest = backlog == 0 ? null : await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, ct);
        var failures = await pending.Where(m => m.LastError != null).OrderByDescending(m => m.Held).ThenBy(m => m.CreatedAt).Take(500)
            .Select(m => new SyncFailure(m.Id, m.DossierCode, m.Seq, m.Attempts, m.Held, m.LastError, m.LastAttemptAt, m.NextAttemptAt)).ToListAsync(ct);
        return new SyncState(backlog, oldest, failures);
    }

    /// <summary>Sends the record again at the next round; false when it is not one of the caller's offices' unsent records.</summary>
    public async Task<bool> RetryAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var visible = (await scope.VisibleUnitIdsAsync(user, ct)).ToArray();
        var now = clock.GetUtcNow();
        return await db.Set<SyncMessage>().Where(m => m.Id == id && m.SentAt == null && visible.Contains(m.OfficeId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Held, false).SetProperty(m => m.NextAttemptAt, now), ct) > 0;
    }
}
