using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MotCua.Infrastructure.Database;

// EF Core's pattern for migrations with several providers: one context type per provider, each with its own
// migrations (Migrations/Sqlite, Migrations/Postgres), all in this assembly. The app registers the one its
// configuration names as AppDbContext; `dotnet ef … --context SqliteAppDbContext` builds the model without the app.

/// <summary>The app's context on SQLite (the embedded default).</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The app's context on PostgreSQL (production).</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseModule.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new SqliteAppDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseModule.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=motcua_design;Username=motcua");
        return new PostgresAppDbContext(options.Options);
    }
}
