using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Citizens.Contracts;

namespace MotCua.Features.Citizens;

/// <summary>
/// A person in the once-only store, keyed by the 12-digit ID number. The columns hold the current values; every
/// value ever observed, with its source and time, is in <see cref="ProfileFieldValue"/>.
/// </summary>
public sealed class Citizen
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string IdNumber { get; init; }

    public string? OldIdNumber { get; set; }

    public string FullName { get; set; } = "";

    /// <summary>The name without diacritics, lower case ("nguyen van an"), for search.</summary>
    public string NameFolded { get; set; } = "";

    public DateOnly? DateOfBirth { get; set; }

    public Sex? Sex { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DateOnly? IdIssueDate { get; set; }

    /// <summary>Open conflicts between sources that an officer must settle.</summary>
    public int OpenConflicts { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Where a profile value came from.</summary>
public enum ProfileSource
{
    IdCardQr,
    Officer,
    OnlineAccount,
    Dossier,
    BulkImport,

    /// <summary>The national identity provider's sign-in (VNeID): what the national population database vouches for.</summary>
    NationalIdentity,
}

/// <summary>One observed value of one profile field: the history of the profile and the provenance of each value.</summary>
public sealed class ProfileFieldValue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CitizenId { get; init; }

    public required string Field { get; init; }

    public string? Value { get; init; }

    public ProfileSource Source { get; init; }

    public DateTimeOffset ObservedAt { get; init; }

    public string? ObservedBy { get; init; }

    public string? DossierCode { get; init; }

    /// <summary>Current: this is the value the profile shows. Conflicting: it disagrees with the current identity and waits for an officer.</summary>
    public ProfileValueState State { get; set; }
}

public enum ProfileValueState
{
    Current,
    Superseded,
    Conflicting,
    Rejected,
}

/// <summary>An organisation, keyed by its enterprise or tax code.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string TaxCode { get; init; }

    public string Name { get; set; } = "";

    public string NameFolded { get; set; } = "";

    public string? Address { get; set; }

    public string? RepresentativeIdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One observed value of an organisation's field, with its source and time: the organisation's history.</summary>
public sealed class OrganisationValue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string Field { get; init; }

    public string? Value { get; init; }

    public ProfileSource Source { get; init; }

    public DateTimeOffset ObservedAt { get; init; }

    public string? ObservedBy { get; init; }

    public ProfileValueState State { get; set; }
}

/// <summary>A unit that has business with the citizen because it holds a dossier of theirs: its staff may open the full record.</summary>
public sealed class CitizenUnitLink
{
    /// <summary>The latest dossier of the citizen the unit holds; a link without one (made by older versions from a scan) gives no business.</summary>
    public string? DossierCode { get; set; }

    public Guid CitizenId { get; init; }

    public Guid UnitId { get; init; }

    public DateTimeOffset Since { get; init; }

    public string Reason { get; init; } = "";
}

/// <summary>Every read of a citizen's record or documents by staff (Decree 13/2023): who, when, what, why.</summary>
public sealed class AccessLogEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CitizenId { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid? AccountId { get; init; }

    public string Username { get; init; } = "";

    /// <summary>The unit the reader worked at (their office, or first unit, that day).</summary>
    public Guid? UnitId { get; init; }

    /// <summary><c>profile</c>, <c>document:&lt;id&gt;</c>, <c>file:&lt;hash&gt;</c>, <c>search</c>…</summary>
    public string What { get; init; } = "";

    public string Purpose { get; init; } = "";

    public string? DossierCode { get; init; }
}

internal sealed class CitizensConfiguration :
    IEntityTypeConfiguration<Citizen>, IEntityTypeConfiguration<ProfileFieldValue>, IEntityTypeConfiguration<Organisation>,
    IEntityTypeConfiguration<CitizenUnitLink>, IEntityTypeConfiguration<AccessLogEntry>, IEntityTypeConfiguration<OrganisationValue>
{
    public void Configure(EntityTypeBuilder<OrganisationValue> builder)
    {
        builder.ToTable("citizens_organisation_value");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.OrganisationId, x.Field, x.ObservedAt });
        builder.Property(x => x.Field).HasMaxLength(40);
        builder.Property(x => x.Value).HasMaxLength(500);
        builder.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ObservedBy).HasMaxLength(100);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Citizen> builder)
    {
        builder.ToTable("citizens_citizen");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.IdNumber).HasMaxLength(12);
        builder.HasIndex(x => x.IdNumber).IsUnique();
        builder.Property(x => x.OldIdNumber).HasMaxLength(12);
        builder.Property(x => x.FullName).HasMaxLength(200);
        builder.Property(x => x.NameFolded).HasMaxLength(200);
        builder.HasIndex(x => x.NameFolded);
        builder.Property(x => x.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(x => x.Address).HasMaxLength(500);
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.HasIndex(x => x.Phone);
        builder.Property(x => x.Email).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<ProfileFieldValue> builder)
    {
        builder.ToTable("citizens_profile_value");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.CitizenId, x.Field, x.ObservedAt });
        builder.Property(x => x.Field).HasMaxLength(40);
        builder.Property(x => x.Value).HasMaxLength(500);
        builder.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ObservedBy).HasMaxLength(100);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.HasOne<Citizen>().WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("citizens_organisation");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.TaxCode).HasMaxLength(14);
        builder.HasIndex(x => x.TaxCode).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.NameFolded).HasMaxLength(300);
        builder.HasIndex(x => x.NameFolded);
        builder.Property(x => x.Address).HasMaxLength(500);
        builder.Property(x => x.RepresentativeIdNumber).HasMaxLength(12);
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.Email).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<CitizenUnitLink> builder)
    {
        builder.ToTable("citizens_unit_link");
        builder.HasKey(x => new { x.CitizenId, x.UnitId });
        builder.HasIndex(x => x.UnitId);
        builder.Property(x => x.Reason).HasMaxLength(200);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
        builder.HasOne<Citizen>().WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("citizens_access_log");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.CitizenId, x.At });
        builder.Property(x => x.Username).HasMaxLength(100);
        builder.Property(x => x.What).HasMaxLength(200);
        builder.Property(x => x.Purpose).HasMaxLength(500);
        builder.Property(x => x.DossierCode).HasMaxLength(40);
    }
}
