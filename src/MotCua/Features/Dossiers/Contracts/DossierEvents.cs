using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>The last link of a dossier's history: what the next event chains to.</summary>
public sealed record ChainLink(int Seq, string Hash);

/// <summary>What a pass over every chain found: dossiers with events, events, and the broken chains (dossier, first event that does not hold).</summary>
public sealed record ChainsChecked(int Dossiers, long Events, IReadOnlyList<(Guid DossierId, int Seq)> Broken);

/// <summary>
/// Appends to a dossier's history. Events are never updated or deleted; each event's hash covers its content and
/// the previous event's hash, so an edited or removed event breaks the chain that <see cref="VerifyAsync"/> checks.
/// </summary>
public static class DossierEvents
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>The action of a dossier's first event, written by intake.</summary>
    public const string Received = "receive";

    /// <summary>
    /// The action of the event in which the citizen got the result (workflow's <c>returnResult</c>, named here for
    /// those who read the history without depending on workflow; ArchitectureTests checks that the two agree).
    /// </summary>
    public const string ResultReturned = "returnResult";

    public static async Task<ChainLink> AppendAsync(AppDbContext db, Guid dossierId, DateTimeOffset at, string action, string? actor, string? fromStep = null, string? toStep = null, string? note = null, string? detail = null, CancellationToken ct = default)
    {
        var last = await db.Set<DossierEvent>().Where(e => e.DossierId == dossierId).OrderByDescending(e => e.Seq)
            .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
        return Append(db, dossierId, last?.Seq ?? 0, last?.Hash ?? Genesis, at, action, actor, fromStep, toStep, note, detail);
    }

    /// <summary>Adds the event that follows <paramref name="previousSeq"/> (for a new dossier: 0 and <see cref="Genesis"/>).</summary>
    public static ChainLink Append(AppDbContext db, Guid dossierId, int previousSeq, string previousHash, DateTimeOffset at, string action, string? actor, string? fromStep = null, string? toStep = null, string? note = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var e = DossierEvent.Chained(dossierId, previousSeq, previousHash, at, action, actor, fromStep, toStep, note, detail);
        db.Add(e);
        return new ChainLink(e.Seq, e.Hash);
    }

    /// <summary>The first event whose hash or link does not hold, or null when the whole chain is intact.</summary>
    public static async Task<int?> VerifyAsync(AppDbContext db, Guid dossierId, CancellationToken ct = default)
    {
        var events = await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == dossierId).OrderBy(e => e.Seq).ToListAsync(ct);
        var previous = Genesis;
        var expectedSeq = 1;
        foreach (var e in events)
        {
            if (!Holds(e, expectedSeq, previous))
            {
                return expectedSeq;
            }

            previous = e.Hash;
            expectedSeq++;
        }

        return null;
    }

    /// <summary>Whether an event is the one expected at its place in the chain: its number, its link to the one before, its own hash.</summary>
    private static bool Holds(DossierEvent e, int expectedSeq, string previousHash) =>
        e.Seq == expectedSeq && e.PreviousHash == previousHash
        && e.Hash == HashOf(e.DossierId, e.Seq, e.At, e.Action, e.Actor, e.FromStep, e.ToStep, e.Note, e.Detail, e.PreviousHash);

    /// <summary>
    /// Every dossier's chain in one pass over the events in (dossier, sequence) order, without loading more than one
    /// event at a time: how many dossiers and events were read, and the dossiers whose chain breaks (with the first
    /// event that does not hold). Dossiers with no event at all are counted apart by the caller.
    /// </summary>
    public static async Task<ChainsChecked> VerifyAllAsync(AppDbContext db, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        long events = 0;
        var dossiers = 0;
        var broken = new List<(Guid DossierId, int Seq)>();
        Guid? current = null;
        var previous = Genesis;
        var expectedSeq = 1;
        var failed = false;
        await foreach (var e in db.Set<DossierEvent>().AsNoTracking().OrderBy(e => e.DossierId).ThenBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.DossierId != current)
            {
                (current, previous, expectedSeq, failed) = (e.DossierId, Genesis, 1, false);
                dossiers++;
            }

            if (!failed && !Holds(e, expectedSeq, previous))
            {
                failed = true;
                broken.Add((e.DossierId, expectedSeq));
            }

            previous = e.Hash;
            expectedSeq++;
            if (++events % 100_000 == 0)
            {
                progress?.Report(events);
            }
        }

        return new ChainsChecked(dossiers, events, broken);
    }

    internal static string HashOf(Guid dossierId, int seq, DateTimeOffset at, string action, string? actor, string? from, string? to, string? note, string? detail, string previous)
    {
        // The detail joins the hashed text only when there is one, so that events written before it existed keep their hashes.
        var text = string.Join('\u001f', dossierId.ToString("N"), seq.ToString(CultureInfo.InvariantCulture),
            at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), action, actor, from, to, note, previous);
        if (detail is not null)
        {
            text += '\u001f' + detail;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
