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

    /// <summary>Create and migrate the database when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 100;
}
