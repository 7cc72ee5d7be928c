using Microsoft.EntityFrameworkCore;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Catalog;

public static class CatalogModule
{
    public static IServiceCollection AddCatalogModule(this IServiceCollection services)
    {
        services.AddSingleton(_ => new CatalogFields(CatalogFields.Shipped().Fields ?? []));
        services.AddScoped<CatalogReader>();
        services.AddScoped<CatalogStore>();
        services.AddScoped<CatalogImport>();
        services.AddScoped<IStartupTask, CatalogSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        CatalogApi.Map(app);
        return app;
    }
}

/// <summary>
/// Loads the shipped catalog (Data/catalog.json) into an empty catalog. It is the real catalog, not demo data,
/// so it loads in every mode; once the catalog has procedures, it is the administrators' to change.
/// </summary>
internal sealed class CatalogSeeder(AppDbContext db, CatalogStore store) : IStartupTask
{
    public int Order => 20;

    public async Task RunAsync(CancellationToken ct)
    {
        if (await db.Set<Procedure>().AnyAsync(ct))
        {
            return;
        }

        var file = CatalogFields.Shipped();
        var errors = store.Validate(file);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Shipped catalog is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }

        await store.ImportAsync(file, "MotCua (shipped data)", ct);
    }
}
