using MotCua.Features.Intake.Contracts;

namespace MotCua.Features.Intake;

public static class IntakeModule
{
    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapHub<CounterHub>(CounterHub.Path);
        return app;
    }
}
