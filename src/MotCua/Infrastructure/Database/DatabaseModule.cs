using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MotCua.Infrastructure.Database;

public static class DatabaseModule
{
    public static IServiceCollection AddDatabaseModule(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The options are built once (not per request) and contexts are pooled: a context is a few hundred
        // objects, and the queue's counters open one per call.
        services.AddDbContextPool<AppDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            Configure(options, db.Provider, ConnectionString(db, env.ContentRootPath), db.MaxPoolSize);
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SqliteCheckpoints>();
        services.AddHostedService<SqliteCheckpointWorker>();
        services.AddSingleton<WriteBatch>();
        services.AddHostedService(sp => sp.GetRequiredService<WriteBatch>());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Points EF Core at the provider and the migrations assembly built for it.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, int maxPoolSize = 100)
    {
        ArgumentNullException.ThrowIfNull(options);
        var migrations = MigrationsAssembly(provider);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.Postgres:
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase))
                {
                    builder.MaxPoolSize = maxPoolSize;
                }

                options.UseNpgsql(builder.ConnectionString, o => o.MigrationsAssembly(migrations));
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

    /// <summary>
    /// The migrations live in their own assembly per provider (they reference this one, so this one cannot
    /// reference them); the build copies them next to the app, and the tests reference them.
    /// </summary>
    private static Assembly MigrationsAssembly(DatabaseProvider provider)
    {
        var name = $"MotCua.Migrations.{provider}";
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null)
        {
            return loaded;
        }

        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The migrations assembly {name}.dll was not found next to the app. Build the whole solution first: dotnet build MotCua.slnx");
            }

            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
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
