using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Background;

namespace MotCua.Infrastructure.Database;

public static class DatabaseModule
{
    public static IServiceCollection AddDatabaseModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The options are built once (not per request) and contexts are pooled: a context is a few hundred
        // objects, and the queue's counters open one per call. The provider's own context type carries its migrations.
        var provider = configuration.GetSection(DatabaseOptions.Section).GetValue(nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, options) => Setup(sp, options, provider));
        }
        else
        {
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, options) => Setup(sp, options, provider));
        }

        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SqliteCheckpoints>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SqliteWriteGate>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SqliteCommandGate>();
        services.AddRecurringJob<SqliteCheckpointJob>(SqliteCheckpointJob.Schedule);
        services.AddSingleton<WriteBatch>();
        services.AddSingleton<Backup.SqliteBackup>();
        services.AddScoped<ReplicaReads>();
        services.AddScoped<Events.DomainEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<WriteBatch>());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    private static void Setup(IServiceProvider sp, DbContextOptionsBuilder options, DatabaseProvider provider)
    {
        var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var env = sp.GetRequiredService<IHostEnvironment>();
        Configure(options, provider, ConnectionString(db, env.ContentRootPath), db.MaxPoolSize);
        options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
    }

    /// <summary>Points EF Core at the provider.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, int maxPoolSize = 100)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString);
                break;
            case DatabaseProvider.Postgres:
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase))
                {
                    builder.MaxPoolSize = maxPoolSize;
                }

                if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
                {
                    // The same few statements run on every request: prepared once per connection, PostgreSQL plans them once.
                    builder.MaxAutoPrepare = 64;
                }

                options.UseNpgsql(builder.ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }
    }

    public static string ConnectionString(DatabaseOptions db, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!string.IsNullOrWhiteSpace(db.ConnectionString))
        {
            return db.ConnectionString;
        }

        if (db.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
        }

        var dataDir = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(dataDir);
        return $"Data Source={Path.Combine(dataDir, "motcua.db")}";
    }

    /// <summary>Creates or upgrades the database, and sets SQLite's journal to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
