using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Workflow.Contracts;

/// <summary>An apology and new appointment as others may read it: when, and whether it came by the day the rule allows.</summary>
public sealed record ApologyRow
{
    public Guid DossierId { get; init; }

    public DateTimeOffset At { get; init; }

    public bool InTime { get; init; }
}

/// <summary>The apologies made, projected so that a caller's query can compose them (the reports count them).</summary>
public sealed class ApologyFacts(AppDbContext db)
{
    public IQueryable<ApologyRow> Rows => db.Set<DossierApology>().AsNoTracking().Select(a => new ApologyRow { DossierId = a.DossierId, At = a.At, InTime = a.InTime });
}
