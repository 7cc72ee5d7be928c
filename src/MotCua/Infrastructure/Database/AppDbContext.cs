using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Features.Accounts;
using MotCua.Features.Units;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// The one database context. Each capability owns its tables by prefix (<c>units_</c>, <c>accounts_</c>…) and
/// configures them in its own <c>IEntityTypeConfiguration</c> beside the entity. The app runs one of its two
/// provider types (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>), each with its migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<Account, Role, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no instant type and cannot compare DateTimeOffset text in SQL; a sortable integer keeps
        // range queries and ordering in the database. PostgreSQL uses timestamptz natively.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Search columns (folded text: lower case, no diacritics) compare bytewise, so that a prefix search is an
        // index range on both providers whatever the database's locale.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.Name.EndsWith("Folded", StringComparison.Ordinal)))
        {
            property.SetCollation(Database.IsNpgsql() ? "C" : "BINARY");
        }

        builder.Entity<Account>().ToTable("accounts_account");
        builder.Entity<Role>().ToTable("accounts_role");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("accounts_account_role");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("accounts_account_claim");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("accounts_account_login");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("accounts_role_claim");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("accounts_account_token");
        builder.Entity<DataProtectionKey>().ToTable("infra_data_protection_key");
    }
}

/// <summary>A named value the system keeps about itself (for example whether demo data was seeded).</summary>
public sealed class SystemSetting
{
    public required string Key { get; init; }

    public required string Value { get; set; }
}

internal sealed class SystemSettingConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<SystemSetting> builder)
    {
        builder.ToTable("infra_setting");
        builder.HasKey(x => x.Key);
        builder.Property(x => x.Key).HasMaxLength(100);
        builder.Property(x => x.Value).HasMaxLength(2000);
    }
}
