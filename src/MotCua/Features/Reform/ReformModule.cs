using MotCua.Infrastructure.Background;

namespace MotCua.Features.Reform;

public static class ReformModule
{
    public static IServiceCollection AddReformModule(this IServiceCollection services)
    {
        services.AddScoped<ReformDesk>();
        services.AddScoped<ParIndex>();
        services.AddScoped<LegalRegister>();
        services.AddScoped<Committees>();
        services.AddScoped<Contracts.OverdueFindings>();
        services.AddScoped<Infrastructure.IStartupTask, ReformDemo>();
        services.AddRecurringJob<FindingSweeper>(sp => new JobSchedule(
            sp.GetRequiredService<IConfiguration>().GetValue("Reform:SweeperEnabled", true), TimeSpan.FromMinutes(15), RunAtStart: false));
        return services;
    }
}
