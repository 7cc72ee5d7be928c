using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Demo;

namespace MotCua.Infrastructure;

/// <summary>Work that runs once, in <see cref="Order"/>, after the database is migrated and before requests are taken.</summary>
public interface IStartupTask
{
    int Order { get; }

    Task RunAsync(CancellationToken ct);
}

/// <summary>What runs before the app takes requests: migrate, load reference data (calendar, catalog), seed demo data.</summary>
public static class StartupModule
{
    public static IServiceCollection AddStartup(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<IStartupTask, DemoSeeder>();
        services.AddScoped<DemoMonth>();
        services.AddScoped<IStartupTask>(sp => sp.GetRequiredService<DemoMonth>());
        services.AddScoped<DemoFlag>();
        services.AddMemoryCache();
        return services;
    }

    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // With MigrateOnStart off, the operator prepares the database (dotnet ef database update) and MotCua
        // writes nothing at start.
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            return;
        }

        await DatabaseModule.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
