using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;

namespace MotCua.Features.Catalog;

/// <summary>An administrative procedure (TTHC), known by its national code; its content lives in versions.</summary>
public sealed class Procedure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }
}

/// <summary>A version of a procedure as the catalog stores it; others read it as <see cref="ProcedureVersion"/>.</summary>
public sealed class StoredVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ProcedureId { get; init; }

    public required string Code { get; init; }

    public DateOnly EffectiveFrom { get; set; }

    public required string Name { get; set; }

    /// <summary>Field code (lĩnh vực), e.g. <c>ho-tich</c>.</summary>
    public required string Field { get; set; }

    /// <summary>Handling level: <c>ward</c>, <c>district</c> (until 30/6/2025) or <c>province</c>.</summary>
    public required string Level { get; set; }

    /// <summary>Legal processing time in working days; 0 with <see cref="SameDay"/> for "trong ngày".</summary>
    public int LegalWorkingDays { get; set; }

    public bool SameDay { get; set; }

    public string ResultDocument { get; set; } = "";

    /// <summary><c>full</c> (toàn trình) or <c>partial</c> (một phần), Decree 42/2022.</summary>
    public string OnlineLevel { get; set; } = "partial";

    public ClockPolicy ClockPolicy { get; set; } = ClockPolicy.Resume;

    /// <summary>The article the supplement clock rests on: a specialised law for a restart; null for the one-stop rule's default.</summary>
    public string? ClockBasis { get; set; }

    /// <summary><c>anyOffice</c>: any office in the province receives it (from 1/7/2025); <c>listed</c>: only <see cref="AcceptingOffices"/>.</summary>
    public string Receiving { get; set; } = "anyOffice";

    public List<string> AcceptingOffices { get; set; } = [];

    public bool Verified { get; set; }

    /// <summary>Legal basis and what was or was not checked against the published national catalog.</summary>
    public string Source { get; set; } = "";

    /// <summary>Code, name and field without diacritics, lower case: what search matches.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public List<string> Conditions { get; set; } = [];

    public bool PayBeforeProcessing { get; set; }

    public List<StoredDocument> Documents { get; set; } = [];

    public List<StoredFee> Fees { get; set; } = [];

    public List<StoredStep> Steps { get; set; } = [];

    public List<StoredFormField> FormFields { get; set; } = [];

    public ProcedureVersion ToContract() => new()
    {
        Id = Id, Code = Code, EffectiveFrom = EffectiveFrom, Name = Name, Field = Field, Level = Level,
        LegalWorkingDays = LegalWorkingDays, SameDay = SameDay, ResultDocument = ResultDocument, OnlineLevel = OnlineLevel,
        ClockPolicy = ClockPolicy, ClockBasis = ClockBasis, Receiving = Receiving, AcceptingOffices = [.. AcceptingOffices], Verified = Verified, Source = Source,
        Conditions = [.. Conditions], PayBeforeProcessing = PayBeforeProcessing,
        Documents = [.. Documents.Select(d => new RequiredDocument(d.Name, d.DocumentType, d.Originals, d.Copies, d.Required, d.Note))],
        Fees = [.. Fees.Select(f => new Fee(f.Name, f.AmountVnd, f.Unit, f.Note, f.LaterAmountVnd, f.LaterFrom, f.CapVnd))],
        Steps = [.. Steps.Select(s => new ProcessStep(s.Name, s.Role, s.Agency, s.AllottedHours, s.Profile))],
        FormFields = [.. FormFields.Select(f => new FormField(f.Key, f.Label, f.Source, f.Required))],
    };
}

/// <summary>The stored shape of <see cref="RequiredDocument"/>.</summary>
public sealed class StoredDocument
{
    public string Name { get; set; } = "";

    public string DocumentType { get; set; } = "";

    public int Originals { get; set; }

    public int Copies { get; set; }

    public bool Required { get; set; } = true;

    public string? Note { get; set; }
}

/// <summary>The stored shape of <see cref="Fee"/>.</summary>
public sealed class StoredFee
{
    public string Name { get; set; } = "";

    /// <summary>Null where the provincial council sets the amount and the catalog does not hold it.</summary>
    public decimal? AmountVnd { get; set; }

    /// <summary>Per what: <c>hồ sơ</c>, <c>trang</c>, <c>bản</c>…</summary>
    public string Unit { get; set; } = "hồ sơ";

    public string? Note { get; set; }

    public decimal? LaterAmountVnd { get; set; }

    public int? LaterFrom { get; set; }

    public decimal? CapVnd { get; set; }
}

/// <summary>The stored shape of <see cref="ProcessStep"/>.</summary>
public sealed class StoredStep
{
    public string Name { get; set; } = "";

    /// <summary>OneStopOfficer, Specialist or Leader.</summary>
    public string Role { get; set; } = "";

    /// <summary><c>own</c> (the receiving unit), <c>police</c>, <c>social-insurance</c>, or <c>department:&lt;name&gt;</c> for another agency or level.</summary>
    public string Agency { get; set; } = "own";

    /// <summary>Allotted working hours (8 to a working day); same-day procedures split their day in hours.</summary>
    public decimal AllottedHours { get; set; }

    /// <summary>Which roles may take which action in this step: a profile of the process rules; empty for the default by position and role.</summary>
    public string? Profile { get; set; }
}

/// <summary>The stored shape of <see cref="FormField"/>.</summary>
public sealed class StoredFormField
{
    public string Key { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>Where the value comes from, e.g. <c>applicant.fullName</c>; empty when the citizen must supply it.</summary>
    public string? Source { get; set; }

    public bool Required { get; set; }
}

internal sealed class CatalogConfiguration : IEntityTypeConfiguration<Procedure>, IEntityTypeConfiguration<StoredVersion>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("catalog_procedure");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.HasIndex(x => x.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<StoredVersion> builder)
    {
        builder.ToTable("catalog_procedure_version");
        builder.HasKey(x => x.Id);
        builder.HasOne<Procedure>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ProcedureId, x.EffectiveFrom }).IsUnique();
        builder.HasIndex(x => new { x.Code, x.EffectiveFrom });
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.Property(x => x.Name).HasMaxLength(500);
        builder.Property(x => x.Field).HasMaxLength(40);
        builder.Property(x => x.Level).HasMaxLength(20);
        builder.Property(x => x.ResultDocument).HasMaxLength(500);
        builder.Property(x => x.OnlineLevel).HasMaxLength(20);
        builder.Property(x => x.ClockPolicy).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ClockBasis).HasMaxLength(VersionData.MaxClockBasis);
        builder.Property(x => x.Receiving).HasMaxLength(20);
        builder.Property(x => x.Source).HasMaxLength(1000);
        builder.Property(x => x.SearchText).HasMaxLength(1000);
        builder.Property(x => x.CreatedBy).HasMaxLength(100);
        builder.PrimitiveCollection(x => x.AcceptingOffices);
        builder.PrimitiveCollection(x => x.Conditions);
        builder.OwnsMany(x => x.Documents, b => b.ToJson("documents"));
        builder.OwnsMany(x => x.Fees, b => b.ToJson("fees"));
        builder.OwnsMany(x => x.Steps, b => b.ToJson("steps"));
        builder.OwnsMany(x => x.FormFields, b => b.ToJson("form_fields"));
    }
}
