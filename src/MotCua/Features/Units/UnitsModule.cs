using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Units;

public static class UnitsModule
{
    public static IServiceCollection AddUnitsModule(this IServiceCollection services)
    {
        services.AddScoped<UnitTree>();
        return services;
    }

    public static IEndpointRouteBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        UnitsApi.Map(app);
        return app;
    }
}
