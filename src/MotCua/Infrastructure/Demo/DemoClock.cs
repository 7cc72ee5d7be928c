namespace MotCua.Infrastructure.Demo;

/// <summary>
/// The app's clock. It tells the time of the clock it wraps, except on the one flow of work that replays a demo month
/// (<see cref="DemoMonth"/>), which sets it back to each moment it replays: every service then stamps its records
/// as it would have on that day, and the requests of other flows still see the real time.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Replaying = new();

    /// <summary>The real time, whatever moment is being replayed.</summary>
    public DateTimeOffset RealUtcNow => inner.GetUtcNow();

    /// <summary>Sets the time of the calling flow (and of the work it starts from now on) to <paramref name="at"/>; null gives it the real time back.</summary>
    /// <remarks>Synchronous on purpose: an async method's change to an <see cref="AsyncLocal{T}"/> would not reach its caller.</remarks>
    public static void Replay(DateTimeOffset? at) => Replaying.Value = at?.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => Replaying.Value ?? inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => inner.CreateTimer(callback, state, dueTime, period);
}
