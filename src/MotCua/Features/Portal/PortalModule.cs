using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Portal.Contracts;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Pdf;

namespace MotCua.Features.Portal;

/// <summary>The citizen's side: online applications, their own data and access log; and the office's online intake.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortalModule(this IServiceCollection services)
    {
        services.AddScoped<Applications>();
        services.AddScoped<OnlineIntake>();
        services.AddScoped<Uploads>();
        services.AddScoped<IOnlineWaiting>(s => s.GetRequiredService<OnlineIntake>());
        services.AddScoped<ICitizenDossiers>(s => s.GetRequiredService<Applications>());
        services.AddScoped<IHandlesCommitted<DossierResultReady>, ElectronicResult>();
        services.AddSingleton<PdfSigner>();
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        PortalApi.Map(app);
        return app;
    }
}
