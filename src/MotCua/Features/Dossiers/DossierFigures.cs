using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Dossiers;

/// <summary>Counts each dossier received and each result made ready, once its transaction committed.</summary>
internal sealed class DossierCounts(AppMetrics metrics) : IHandlesCommitted<DossierStepRecorded>
{
    public Task HandleCommittedAsync(DossierStepRecorded happened, CancellationToken ct)
    {
        var dossier = happened.Dossier;
        if (happened.Action == DossierEvents.Received)
        {
            metrics.DossierReceived(EnumNames.Of(dossier.Channel), dossier.OfficeCode);
        }
        else if (dossier.ResolvedAt == happened.At && dossier.Timeliness is { } timeliness)
        {
            metrics.DossierResolved(EnumNames.Of(dossier.Channel), dossier.OfficeCode, EnumNames.Of(timeliness));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Open, overdue and due-today dossiers by office (one grouped read over the status index).</summary>
internal sealed class DossierFigures(DossierStore dossiers) : IOperationalFigures
{
    public async Task<IEnumerable<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToVietnam(now).DateTime);
        var offices = await dossiers.Rows
            .Where(d => d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress || d.Status == DossierStatus.WaitingSupplement)
            .GroupBy(d => d.OfficeCode)
            .Select(g => new
            {
                Office = g.Key,
                Open = g.Count(),
                Overdue = g.Count(d => d.PausedAt == null && d.DueAt < now),
                DueToday = g.Count(d => d.PausedAt == null && d.DueDate == today),
            })
            .ToListAsync(ct);
        return offices.SelectMany(o => new GaugeReading[]
        {
            new("motcua.dossiers.open", o.Open, o.Office),
            new("motcua.dossiers.overdue", o.Overdue, o.Office),
            new("motcua.dossiers.due_today", o.DueToday, o.Office),
        });
    }
}
