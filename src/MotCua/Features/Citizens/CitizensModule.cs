using MotCua.Features.Citizens.Contracts;

namespace MotCua.Features.Citizens;

public static class CitizensModule
{
    public static IServiceCollection AddCitizensModule(this IServiceCollection services)
    {
        services.AddScoped<CitizenStore>();
        services.AddScoped<CitizenRecords>();
        services.AddSingleton<RecentReads>();
        services.AddScoped<CitizenIntake>();
        services.AddScoped<Accounts.Contracts.ICitizenDirectory, CitizenDirectory>();
        services.AddScoped<OrganisationStore>();
        services.AddSingleton<CitizenBulkImport>();
        return services;
    }

    public static IEndpointRouteBuilder MapCitizens(this IEndpointRouteBuilder app)
    {
        CitizensApi.Map(app);
        return app;
    }
}
