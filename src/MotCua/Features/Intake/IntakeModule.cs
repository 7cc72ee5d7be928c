using MotCua.Features.Intake.Contracts;

namespace MotCua.Features.Intake;

public static class IntakeModule
{
    public static IServiceCollection AddIntakeModule(this IServiceCollection services)
    {
        services.AddScoped<GuidanceDesk>();
        services.AddSingleton<Contracts.CounterScreen>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapHub<CounterHub>(CounterHub.Path);
        return app;
    }
}
