using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Demo;

namespace MotCua.Infrastructure;

/// <summary>What runs once before the app takes requests: migrate the database, then seed demo data into an empty one.</summary>
public static class StartupModule
{
    public static IServiceCollection AddStartup(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoFlag>();
        services.AddMemoryCache();
        return services;
    }

    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // With MigrateOnStart off, the operator prepares the database (dotnet ef database update) and MotCua
        // writes nothing at start, demo data included.
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            return;
        }

        await DatabaseModule.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }
}
