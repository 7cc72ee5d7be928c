using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reform;

/// <summary>Where a legal normative document stands, as the periodic review finds it.</summary>
public enum DocumentStatus
{
    InForce,
    PartlyInForce,
    Expired,
}

/// <summary>
/// A legal normative document issued by a unit within its competence: its number, type, dates, what it replaces or
/// amends, and where the last review found it (in force, partly, expired, and why).
/// </summary>
public sealed class LegalDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    /// <summary>As written on it, e.g. "12/2024/QĐ-UBND".</summary>
    public required string Number { get; init; }

    /// <summary>Quyết định, Nghị quyết, Chỉ thị…</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    public DateOnly IssuedOn { get; init; }

    public DateOnly EffectiveFrom { get; init; }

    public DateOnly? ExpiresOn { get; set; }

    public DocumentStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateOnly? ReviewedOn { get; set; }

    public string? ReviewedBy { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<LegalDocumentLink> Links { get; init; } = [];
}

/// <summary>A document replacing (wholly) or amending (in part) an earlier one.</summary>
public sealed class LegalDocumentLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DocumentId { get; init; }

    public Guid EarlierId { get; init; }

    /// <summary>True: amends part of it; false: replaces it.</summary>
    public bool Amends { get; init; }
}

internal sealed class LegalDocumentConfiguration : IEntityTypeConfiguration<LegalDocument>, IEntityTypeConfiguration<LegalDocumentLink>
{
    public void Configure(EntityTypeBuilder<LegalDocument> builder)
    {
        builder.ToTable("reform_legal_document");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.UnitId, x.Number }).IsUnique();
        builder.HasIndex(x => x.Number);
        builder.HasMany(x => x.Links).WithOne().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Number).HasMaxLength(60);
        builder.Property(x => x.Type).HasMaxLength(60);
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.StatusReason).HasMaxLength(500);
        builder.Property(x => x.ReviewedBy).HasMaxLength(100);
        builder.Property(x => x.CreatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<LegalDocumentLink> builder)
    {
        builder.ToTable("reform_legal_document_link");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.EarlierId);
        builder.HasOne<LegalDocument>().WithMany().HasForeignKey(x => x.EarlierId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record NewLegalDocument(
    [property: Required(ErrorMessage = "Reform.UnitRequired"), MaxLength(40, ErrorMessage = "Reform.UnitRequired")] string? UnitCode,
    [property: Required(ErrorMessage = "Reform.NumberRequired"), MaxLength(60, ErrorMessage = "Reform.NumberRequired")] string? Number,
    [property: Required(ErrorMessage = "Reform.TypeRequired"), MaxLength(60, ErrorMessage = "Reform.TypeRequired")] string? Type,
    [property: Required(ErrorMessage = "Reform.TitleRequired"), MaxLength(500, ErrorMessage = "Reform.TitleTooLong")] string? Title,
    [property: Required(ErrorMessage = "Reform.IssuedOnRequired")] DateOnly? IssuedOn,
    [property: Required(ErrorMessage = "Reform.EffectiveFromRequired")] DateOnly? EffectiveFrom,
    DateOnly? ExpiresOn = null,
    IReadOnlyList<string>? Replaces = null,
    IReadOnlyList<string>? Amends = null);

public sealed record DocumentReview(
    [property: Required(ErrorMessage = "Reform.StatusRequired")] string? Status,
    [property: MaxLength(500, ErrorMessage = "Reform.ReasonTooLong")] string? Reason);

/// <summary>A procedure whose legal basis cites a document.</summary>
public sealed record RestingProcedure(string Code, string Name);

/// <summary>
/// A document of the register as people read it; <c>flag</c> is <c>expired</c> (no longer in force) or
/// <c>expiring</c> (within 30 days) when catalog procedures in force rest on it.
/// </summary>
public sealed record LegalDocumentView(
    Guid Id, string UnitCode, string Number, string Type, string Title, DateOnly IssuedOn, DateOnly EffectiveFrom, DateOnly? ExpiresOn, string Status, string? StatusReason,
    DateOnly? ReviewedOn, IReadOnlyList<string> Replaces, IReadOnlyList<string> Amends, IReadOnlyList<string> ReplacedBy, IReadOnlyList<RestingProcedure> Procedures, string? Flag);

/// <summary>
/// The register of legal normative documents of a unit, their review, and what rests on them: a document cited by a
/// catalog procedure's legal basis (by its number) that expires flags the procedure, so its version is revised.
/// </summary>
public sealed class LegalRegister(AppDbContext db, UnitTree tree, UnitScope scope, CatalogReader catalog, TimeProvider clock)
{
    public const int FlagDays = 30;

    public async Task<Result<LegalDocument>> AddAsync(ClaimsPrincipal user, NewLegalDocument body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = RequestRules.Errors(body);
        if (body.IssuedOn is { } issued && body.EffectiveFrom is { } from && from < issued)
        {
            errors["effectiveFrom"] = [Texts.Get("Reform.EffectiveBeforeIssued")];
        }

        if (body.ExpiresOn is { } expires && body.EffectiveFrom is { } start && expires < start)
        {
            errors["expiresOn"] = [Texts.Get("Reform.ExpiresBeforeEffective")];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (await scope.VisibleUnitAsync(user, body.UnitCode, ct) is not { } unit)
        {
            return Failure.Invalid("unitCode", Texts.Get("Reform.UnitRequired"));
        }

        var number = body.Number!.Trim();
        if (await db.Set<LegalDocument>().AnyAsync(d => d.UnitId == unit.Id && d.Number == number, ct))
        {
            return Failure.Conflict(Texts.Get("Reform.NumberExists", number), field: "number");
        }

        var links = new List<(LegalDocument Earlier, bool Amends)>();
        foreach (var (field, numbers, amends) in new[] { ("replaces", body.Replaces, false), ("amends", body.Amends, true) })
        {
            foreach (var cited in (numbers ?? []).Select(n => n?.Trim() ?? ""))
            {
                if (cited == number)
                {
                    return Failure.Invalid(field, Texts.Get("Reform.ReplacesItself"));
                }

                var earlier = await db.Set<LegalDocument>().FirstOrDefaultAsync(d => d.UnitId == unit.Id && d.Number == cited, ct);
                if (earlier is null)
                {
                    return Failure.Invalid(field, Texts.Get("Reform.EarlierUnknown", cited));
                }

                if (earlier.IssuedOn > body.IssuedOn!.Value)
                {
                    return Failure.Invalid(field, Texts.Get("Reform.EarlierIssuedLater", cited));
                }

                links.Add((earlier, amends));
            }
        }

        var document = new LegalDocument
        {
            UnitId = unit.Id, Number = number, Type = body.Type!.Trim(), Title = body.Title!.Trim(), IssuedOn = body.IssuedOn!.Value, EffectiveFrom = body.EffectiveFrom!.Value,
            ExpiresOn = body.ExpiresOn, Status = DocumentStatus.InForce, CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow(),
            Links = [.. links.Select(l => new LegalDocumentLink { EarlierId = l.Earlier.Id, Amends = l.Amends })],
        };
        foreach (var (earlier, amends) in links)
        {
            if (amends)
            {
                earlier.StatusReason = Texts.Get("Reform.AmendedBy", number);
            }
            else
            {
                // Replaced: it ends the day before its replacement takes effect.
                (earlier.Status, earlier.ExpiresOn, earlier.StatusReason) = (DocumentStatus.Expired, document.EffectiveFrom.AddDays(-1), Texts.Get("Reform.ReplacedBy", number));
            }
        }

        db.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>Records the periodic review's finding on a document: in force, partly in force, or expired, and why.</summary>
    public async Task<Result<LegalDocument>> ReviewAsync(ClaimsPrincipal user, Guid id, DocumentReview body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        if (!EnumNames.TryParse(body.Status!.Trim(), out DocumentStatus status))
        {
            return Failure.Invalid("status", Texts.Get("Reform.StatusRequired"));
        }

        if (status != DocumentStatus.InForce && string.IsNullOrWhiteSpace(body.Reason))
        {
            return Failure.Invalid("reason", Texts.Get("Reform.ReasonRequired"));
        }

        var document = await db.Set<LegalDocument>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null || !(await scope.VisibleUnitIdsAsync(user, ct)).Contains(document.UnitId))
        {
            return Failure.NotFound();
        }

        var today = VietnamTime.Today(clock);
        (document.Status, document.StatusReason, document.ReviewedOn, document.ReviewedBy) = (status, body.Reason?.Trim(), today, user.Identity?.Name);
        if (status == DocumentStatus.Expired && (document.ExpiresOn is null || document.ExpiresOn > today))
        {
            document.ExpiresOn = today;
        }

        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>The register of a unit (and the units below it), the latest first, each with the procedures resting on it.</summary>
    public async Task<List<LegalDocumentView>> ListAsync(UnitInfo unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var within = UnitTree.Expand(await tree.LinksAsync(ct), [unit.Id]).ToList();
        var documents = await db.Set<LegalDocument>().AsNoTracking().Include(d => d.Links).Where(d => within.Contains(d.UnitId))
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Number).Take(1000).ToListAsync(ct);
        var numbers = documents.ToDictionary(d => d.Id, d => d.Number);
        var later = documents.SelectMany(d => d.Links.Where(l => !l.Amends).Select(l => (l.EarlierId, d.Number))).ToLookup(x => x.EarlierId, x => x.Number);
        var codes = (await tree.FindManyAsync([.. documents.Select(d => d.UnitId).Distinct()], ct)).ToDictionary(u => u.Id, u => u.Code);
        var today = VietnamTime.Today(clock);
        var citing = await catalog.CitingAsync([.. documents.Select(d => d.Number)], today, ct);
        var views = new List<LegalDocumentView>();
        foreach (var d in documents)
        {
            var status = StatusOn(d, today);
            var procedures = citing.GetValueOrDefault(d.Number, []).Select(p => new RestingProcedure(p.Code, p.Name)).ToList();
            var flag = procedures.Count == 0 ? null : status == DocumentStatus.Expired ? "expired" : d.ExpiresOn is { } end && end <= today.AddDays(FlagDays) ? "expiring" : null;
            views.Add(new LegalDocumentView(
                d.Id, codes.GetValueOrDefault(d.UnitId) ?? "", d.Number, d.Type, d.Title, d.IssuedOn, d.EffectiveFrom, d.ExpiresOn, EnumNames.Of(status), d.StatusReason, d.ReviewedOn,
                [.. d.Links.Where(l => !l.Amends).Select(l => numbers.GetValueOrDefault(l.EarlierId) ?? "")], [.. d.Links.Where(l => l.Amends).Select(l => numbers.GetValueOrDefault(l.EarlierId) ?? "")],
                [.. later[d.Id]], procedures, flag));
        }

        return views;
    }

    /// <summary>Expired once its end has passed, whatever the last review said.</summary>
    public static DocumentStatus StatusOn(LegalDocument document, DateOnly day) =>
        document?.ExpiresOn is { } end && end < day ? DocumentStatus.Expired : document!.Status;
}
