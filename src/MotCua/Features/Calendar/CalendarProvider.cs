using MotCua.Features.Calendar.Contracts;

namespace MotCua.Features.Calendar;

/// <summary>
/// Hands out the current <see cref="WorkingDayCalendar"/>. It is rebuilt when an official schedule changes: at
/// once on the node that saved it, and within <see cref="RecheckInterval"/> on every other node (which compare a
/// version stamp in the database).
/// </summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes, HolidayRules rules, TimeProvider clock) : ICalendar, IDisposable
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private WorkingDayCalendar? current;
    private string? version;
    private DateTimeOffset checkedAt;

    public async ValueTask<WorkingDayCalendar> GetAsync(CancellationToken ct = default)
    {
        if (current is { } calendar && clock.GetUtcNow() - checkedAt < RecheckInterval)
        {
            return calendar;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (current is not null && clock.GetUtcNow() - checkedAt < RecheckInterval)
            {
                return current;
            }

            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<CalendarStore>();
            var latest = await store.VersionAsync(ct);
            if (current is null || latest != version)
            {
                current = WorkingDayCalendar.Build(rules, await store.LoadAllAsync(ct));
                version = latest;
            }

            checkedAt = clock.GetUtcNow();
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => current = null;

    public void Dispose() => gate.Dispose();
}
