using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reform;

/// <summary>A unit's steering committee for administrative reform: the decision establishing it, its regulation, its members, its meetings.</summary>
public sealed class ReformCommittee
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UnitId { get; init; }

    public required string Name { get; init; }

    /// <summary>The decision establishing it, as written.</summary>
    public required string Decision { get; init; }

    /// <summary>Its regulation (the decision issuing it, or a summary).</summary>
    public string? Regulation { get; init; }

    /// <summary>One member a line: name and role.</summary>
    public required string Members { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<ReformMeeting> Meetings { get; init; } = [];
}

/// <summary>A meeting of a committee and what it concluded (tasks it assigned are findings with this committee as their source).</summary>
public sealed class ReformMeeting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CommitteeId { get; init; }

    public DateOnly HeldOn { get; init; }

    public required string Conclusions { get; init; }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<ReformCommittee>, IEntityTypeConfiguration<ReformMeeting>
{
    public void Configure(EntityTypeBuilder<ReformCommittee> builder)
    {
        builder.ToTable("reform_committee");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.UnitId);
        builder.HasMany(x => x.Meetings).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.Decision).HasMaxLength(200);
        builder.Property(x => x.Regulation).HasMaxLength(1000);
        builder.Property(x => x.Members).HasMaxLength(4000);
        builder.Property(x => x.CreatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ReformMeeting> builder)
    {
        builder.ToTable("reform_meeting");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Conclusions).HasMaxLength(4000);
    }
}

public sealed record NewCommittee(
    [property: Required(ErrorMessage = "Reform.UnitRequired"), MaxLength(40, ErrorMessage = "Reform.UnitRequired")] string? UnitCode,
    [property: Required(ErrorMessage = "Reform.NameRequired"), MaxLength(300, ErrorMessage = "Reform.NameTooLong")] string? Name,
    [property: Required(ErrorMessage = "Reform.DecisionRequired"), MaxLength(200, ErrorMessage = "Reform.DecisionTooLong")] string? Decision,
    [property: MaxLength(1000, ErrorMessage = "Reform.RegulationTooLong")] string? Regulation,
    [property: Required(ErrorMessage = "Reform.MembersRequired"), MinLength(1, ErrorMessage = "Reform.MembersRequired"), MaxLength(60, ErrorMessage = "Reform.MembersTooMany")] IReadOnlyList<string>? Members);

public sealed record NewMeeting(
    [property: Required(ErrorMessage = "Reform.HeldOnRequired")] DateOnly? HeldOn,
    [property: Required(ErrorMessage = "Reform.ConclusionsRequired"), MaxLength(4000, ErrorMessage = "Reform.ConclusionsTooLong")] string? Conclusions);

public sealed record MeetingView(Guid Id, DateOnly HeldOn, string Conclusions);

public sealed record CommitteeView(Guid Id, string UnitCode, string Name, string Decision, string? Regulation, IReadOnlyList<string> Members, IReadOnlyList<MeetingView> Meetings);

/// <summary>Steering committees of the units a leader sees, and their meetings.</summary>
public sealed class Committees(AppDbContext db, ReformDesk desk, TimeProvider clock)
{
    public async Task<Result<ReformCommittee>> AddAsync(ClaimsPrincipal user, NewCommittee body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = RequestRules.Errors(body);
        if (body.Members?.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 200) == true)
        {
            errors["members"] = [Texts.Get("Reform.MembersRequired")];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (await desk.VisibleUnitAsync(body.UnitCode, user, ct) is not { } unit)
        {
            return Failure.Invalid("unitCode", Texts.Get("Reform.UnitRequired"));
        }

        var committee = new ReformCommittee
        {
            UnitId = unit.Id, Name = body.Name!.Trim(), Decision = body.Decision!.Trim(), Regulation = string.IsNullOrWhiteSpace(body.Regulation) ? null : body.Regulation.Trim(),
            Members = string.Join('\n', body.Members!.Select(m => m.Trim())), CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow(),
        };
        db.Add(committee);
        await db.SaveChangesAsync(ct);
        return committee;
    }

    public async Task<Result<ReformMeeting>> MeetAsync(ClaimsPrincipal user, Guid committeeId, NewMeeting body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid;
        }

        var committee = await db.Set<ReformCommittee>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null || !await desk.SeesAsync(user, committee.UnitId, ct))
        {
            return Failure.NotFound();
        }

        var meeting = new ReformMeeting { CommitteeId = committee.Id, HeldOn = body.HeldOn!.Value, Conclusions = body.Conclusions!.Trim() };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<List<CommitteeView>> ListAsync(Units.Contracts.UnitInfo unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var committees = await db.Set<ReformCommittee>().AsNoTracking().Include(c => c.Meetings).Where(c => c.UnitId == unit.Id).OrderBy(c => c.Name).ToListAsync(ct);
        return [.. committees.Select(c => new CommitteeView(c.Id, unit.Code, c.Name, c.Decision, c.Regulation, c.Members.Split('\n'),
            [.. c.Meetings.OrderByDescending(m => m.HeldOn).Select(m => new MeetingView(m.Id, m.HeldOn, m.Conclusions))]))];
    }
}
