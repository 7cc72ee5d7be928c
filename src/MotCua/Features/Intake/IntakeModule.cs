using MotCua.Features.Documents.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Intake.Contracts;
using MotCua.Infrastructure.Events;

namespace MotCua.Features.Intake;

public static class IntakeModule
{
    public static IServiceCollection AddIntakeModule(this IServiceCollection services)
    {
        services.AddScoped<GuidanceDesk>();
        services.AddSingleton<CounterScreen>();
        services.AddSingleton<IHandlesCommitted<DossierReceived>>(sp => sp.GetRequiredService<CounterScreen>());
        services.AddSingleton<IHandlesCommitted<DossierResultHandedOver>>(sp => sp.GetRequiredService<CounterScreen>());
        services.AddSingleton<IScanAnnouncer>(sp => sp.GetRequiredService<CounterScreen>());
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapHub<CounterHub>(CounterHub.Path);
        return app;
    }
}
