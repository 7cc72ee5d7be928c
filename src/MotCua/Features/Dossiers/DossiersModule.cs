using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Dossiers;

/// <summary>Configuration section "App".</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address citizens reach MotCua at: printed in QR codes on receipts.</summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:5080");
}

public static class DossiersModule
{
    public static IServiceCollection AddDossiersModule(this IServiceCollection services)
    {
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        services.AddScoped<DossierIntake>();
        services.AddScoped<DossierReader>();
        services.AddScoped<PublicTracking>();
        services.AddScoped<ReceiptService>();
        services.AddScoped<ResultReturn>();
        services.AddSingleton<PublicLinks>();
        return services;
    }

    public static IEndpointRouteBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        DossiersApi.Map(app);
        return app;
    }
}
