using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Dossiers;

/// <summary>Configuration section "App".</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address citizens reach MotCua at: printed in QR codes on receipts.</summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:5080");
}

/// <summary>Configuration section "Intake": how far back a receipt time may be entered, and by whom.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>A dossier received on paper while the system was down may be entered later, with its real receipt time, at most this many days back.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3660)]
    public int BackdateDays { get; set; } = 30;

    /// <summary>Whether one-stop officers may enter an earlier receipt time themselves; by default only leaders may.</summary>
    public bool OfficersMayBackdate { get; set; }
}

public static class DossiersModule
{
    public static IServiceCollection AddDossiersModule(this IServiceCollection services)
    {
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DossierIntake>();
        services.AddScoped<DossierReader>();
        services.AddScoped<DossierStore>();
        services.AddScoped<IHandlesCommitted<DossierStepRecorded>, DossierCounts>();
        services.AddScoped<IOperationalFigures, DossierFigures>();
        services.AddScoped<PublicTracking>();
        services.AddScoped<ReceiptService>();
        services.AddSingleton<PublicLinks>();
        return services;
    }

    public static IEndpointRouteBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        DossiersApi.Map(app);
        return app;
    }
}
