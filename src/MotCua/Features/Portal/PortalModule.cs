using MotCua.Features.Portal.Contracts;

namespace MotCua.Features.Portal;

/// <summary>The citizen's side: online applications, their own data and access log; and the office's online intake.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortalModule(this IServiceCollection services)
    {
        services.AddScoped<Applications>();
        services.AddScoped<OnlineIntake>();
        services.AddScoped<IOnlineWaiting>(s => s.GetRequiredService<OnlineIntake>());
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        PortalApi.Map(app);
        return app;
    }
}
