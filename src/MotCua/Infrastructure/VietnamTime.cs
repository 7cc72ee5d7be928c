namespace MotCua.Infrastructure;

/// <summary>Vietnam keeps UTC+7 all year (no daylight saving); instants are stored in UTC and shown in this zone.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(Offset);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    public static DateTimeOffset ToVietnam(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>An instant as forms and messages write it: "HH:mm dd/MM/yyyy", in Vietnam time.</summary>
    public static string Describe(DateTimeOffset instant) => ToVietnam(instant).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The day alone, as a form's "Ngày …" wants it: "dd/MM/yyyy", in Vietnam time.</summary>
    public static string DescribeDay(DateTimeOffset instant) => ToVietnam(instant).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The instant (UTC) a Vietnam day begins.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
