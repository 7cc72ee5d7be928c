using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Accounts;

public enum AccountKind
{
    /// <summary>An officer, specialist, leader or administrator; belongs to units.</summary>
    Staff,

    /// <summary>A citizen or organisation representative using the portal; belongs to no unit.</summary>
    Citizen,
}

/// <summary>A sign-in identity: staff or citizen. Passwords are hashed by ASP.NET Core Identity (PBKDF2).</summary>
public sealed class Account : IdentityUser<Guid>
{
    public Account()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public AccountKind Kind { get; set; }

    public string FullName { get; set; } = "";

    /// <summary>For citizen accounts: the 12-digit ID number the account is bound to.</summary>
    public string? CitizenIdNumber { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
    public Role()
    {
        Id = Guid.CreateVersion7();
    }
}

/// <summary>An account works at a unit for a period; what it may see follows from its current memberships.</summary>
public sealed class Membership : IChangesUnitScope, IValidity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AccountId { get; init; }

    public Guid UnitId { get; init; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.FullName).HasMaxLength(200);
        builder.Property(x => x.CitizenIdNumber).HasMaxLength(12);
    }
}

/// <summary>The four staff roles are reference data, created by the migrations with fixed ids.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder) => builder.HasData(
        Seed("0193a000-0000-7000-8000-000000000001", Contracts.Roles.Administrator),
        Seed("0193a000-0000-7000-8000-000000000002", Contracts.Roles.Leader),
        Seed("0193a000-0000-7000-8000-000000000003", Contracts.Roles.OneStopOfficer),
        Seed("0193a000-0000-7000-8000-000000000004", Contracts.Roles.Specialist));

    private static Role Seed(string id, string name) => new()
    {
        Id = Guid.Parse(id), Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = id,
    };
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("accounts_membership");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.AccountId, x.ValidFrom });
        builder.HasIndex(x => x.UnitId);
        builder.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        // By name: the unit is the Units capability's entity; the constraint keeps a membership from outliving it.
        builder.HasOne("MotCua.Features.Units.Unit", null).WithMany().HasForeignKey(nameof(Membership.UnitId)).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// One sign-in (a page cookie or an API token), named by the <c>sid</c> claim it carries. A request whose session is
/// ended (logout, an administrator, a disabled account) or unknown is treated as anonymous, on every node at once.
/// </summary>
public sealed class Session
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid AccountId { get; init; }

    /// <summary><c>cookie</c> or <c>token</c>.</summary>
    public required string Kind { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: <c>logout</c>, <c>administrator</c>, <c>disabled</c>.</summary>
    public string? EndedBy { get; set; }

    public string? ClientAddress { get; init; }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("accounts_session");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.AccountId, x.EndedAt });
        builder.Property(x => x.Kind).HasMaxLength(10);
        builder.Property(x => x.EndedBy).HasMaxLength(20);
        builder.Property(x => x.ClientAddress).HasMaxLength(64);
        builder.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
