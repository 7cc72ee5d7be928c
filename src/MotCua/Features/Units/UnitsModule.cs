using MotCua.Features.Units.Contracts;

namespace MotCua.Features.Units;

public static class UnitsModule
{
    public static IServiceCollection AddUnitsModule(this IServiceCollection services)
    {
        services.AddScoped<UnitTree>();
        services.AddSingleton<UnitTreeCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, UnitVersionInterceptor>();
        return services;
    }

    public static IEndpointRouteBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        UnitsApi.Map(app);
        return app;
    }
}
