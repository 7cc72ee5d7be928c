using System.ComponentModel.DataAnnotations;

namespace MotCua.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>When empty, a SQLite file under <c>data/</c> of the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only: a streaming replica that reports read from (a lag of seconds is acceptable for them, and they
    /// say how much). Empty: reports read from the primary.
    /// </summary>
    public string? ReadConnectionString { get; set; }

    /// <summary>A replica further behind than this is not read: the primary answers instead.</summary>
    public TimeSpan ReplicaMaxLag { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Create and migrate the database when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 100;
}
