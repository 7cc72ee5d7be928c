using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Documents;

public static class DocumentsModule
{
    public static IServiceCollection AddDocumentsModule(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton<FileStore>();
        services.AddScoped<DocumentStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        DocumentsApi.Map(app);
        return app;
    }
}
