using MotCua.Infrastructure;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>How a result (or a step) came against its deadline.</summary>
public enum Timeliness
{
    /// <summary>Handed over on a day before the due day.</summary>
    Early,
    OnTime,

    /// <summary>After the due instant.</summary>
    Late,
}

public static class Deadline
{
    /// <summary>Early when handed over on a day before the due day, late after the due instant, on time otherwise.</summary>
    public static Timeliness Rate(DateTimeOffset ended, DateTimeOffset due) =>
        ended > due ? Timeliness.Late
        : VietnamTime.ToVietnam(ended).Date < VietnamTime.ToVietnam(due).Date ? Timeliness.Early
        : Timeliness.OnTime;
}
