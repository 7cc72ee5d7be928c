namespace MotCua.Features.Staffing;

public static class StaffingModule
{
    public static IServiceCollection AddStaffingModule(this IServiceCollection services)
    {
        services.AddScoped<StaffingDesk>();
        services.AddScoped<StaffRecords>();
        services.AddScoped<Contracts.StaffingFigures>();
        services.AddScoped<Rotation>();
        services.AddScoped<StaffImport>();
        services.AddScoped<Infrastructure.IStartupTask, StaffingDemo>();
        return services;
    }
}
