using System.Collections.Concurrent;

namespace MotCua.Features.Citizens.Contracts;

/// <summary>
/// The access-log entries this node wrote or found in the last <see cref="CitizenRecords.SameView"/>, so that an
/// officer reloading a dossier does not ask the database again whether the read is logged. A miss (another node, a
/// restart, an entry forgotten) falls back to the database's answer: the log is never skipped on this memory alone.
/// </summary>
public sealed class RecentReads
{
    /// <summary>Beyond this many remembered reads the memory starts again (a city's counters read far fewer in ten minutes).</summary>
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(Guid Citizen, Guid? Account, string What, string Purpose, string? Dossier), DateTimeOffset> logged = new();

    /// <summary>Whether an entry for this read is known to be logged at or after <paramref name="since"/>.</summary>
    public bool Logged(Guid citizen, Guid? account, string what, string purpose, string? dossier, DateTimeOffset since) =>
        logged.TryGetValue((citizen, account, what, purpose, dossier), out var at) && at >= since;

    /// <summary>Remembers that the log holds an entry for this read made at <paramref name="at"/>.</summary>
    public void Remember(Guid citizen, Guid? account, string what, string purpose, string? dossier, DateTimeOffset at)
    {
        if (logged.Count >= Capacity)
        {
            logged.Clear();
        }

        logged[(citizen, account, what, purpose, dossier)] = at;
    }
}
