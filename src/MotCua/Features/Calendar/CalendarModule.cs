using Microsoft.EntityFrameworkCore;
using MotCua.Features.Calendar.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendarModule(this IServiceCollection services)
    {
        services.AddSingleton(_ => HolidayRules.LoadEmbedded());
        services.AddSingleton<CalendarProvider>();
        services.AddSingleton<ICalendar>(sp => sp.GetRequiredService<CalendarProvider>());
        services.AddScoped<CalendarStore>();
        services.AddScoped<OfficeHoursReader>();
        services.AddScoped<IStartupTask, OfficialScheduleSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        CalendarApi.Map(app);
        return app;
    }
}

/// <summary>
/// Loads the official schedules shipped with MotCua (Data/official-schedules.json) for every year the database
/// does not hold yet. They are the law, not demo data: this runs in every mode. A year already loaded (perhaps
/// corrected by an administrator) is left alone.
/// </summary>
internal sealed class OfficialScheduleSeeder(CalendarStore store, Infrastructure.Database.AppDbContext db, CalendarProvider provider) : IStartupTask
{
    public int Order => 10;

    public async Task RunAsync(CancellationToken ct)
    {
        var loaded = await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(ct);
        foreach (var schedule in CalendarStore.EmbeddedSchedules().Where(s => !loaded.Contains(s.Year)))
        {
            var errors = RequestRules.Errors(schedule);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Shipped schedule {schedule.Year} is invalid: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
            }

            await store.SaveAsync(schedule, "MotCua (shipped data)", ct);
        }

        provider.Invalidate();
    }
}
