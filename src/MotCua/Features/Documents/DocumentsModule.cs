using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Documents;

public static class DocumentsModule
{
    public static IServiceCollection AddDocumentsModule(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton<FileStore>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<Citizens.Contracts.ICitizenDocuments, CitizenDocuments>();
        services.AddOptions<ScanningOptions>().BindConfiguration(ScanningOptions.Section);
        services.AddSingleton<ScanFolderWatcher>(); // remembers each file's last size between looks
        services.AddRecurringJob<ScanFolderWatcher>(ScanFolderWatcher.Schedule);
        services.AddScoped<PendingScans>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        DocumentsApi.Map(app);
        return app;
    }
}
