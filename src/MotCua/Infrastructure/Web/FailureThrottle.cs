using System.Collections.Concurrent;

namespace MotCua.Infrastructure.Web;

/// <summary>
/// How failures of one kind are slowed: the first <see cref="Free"/> cost nothing, then each one makes the next try
/// wait, <see cref="First"/> and doubling up to <see cref="Longest"/>; a key without failure for <see cref="Forget"/>
/// starts again.
/// </summary>
public sealed record ThrottlePolicy(int Free, TimeSpan First, TimeSpan Longest, TimeSpan Forget);

/// <summary>
/// Counts failures (wrong passwords, wrong tracking keys) by a key such as a client address or an account and
/// address, and says how long that key must wait before its next try. Nothing is ever locked: the wait grows, so a
/// stranger guessing slows only themselves, and an officer at their own counter (another key) is not held up.
/// </summary>
/// <remarks>
/// REVIEW: kept in each app node's memory; with several nodes behind a balancer each node counts its own share, so
/// a guesser gets at most as many tries as there are nodes. The scale issue moves it to Redis.
/// </remarks>
public sealed class FailureThrottle(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long failures;

    /// <summary>How long <paramref name="key"/> must still wait, or null when it may try now.</summary>
    public TimeSpan? Wait(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (entry)
        {
            return entry.NotBefore > now ? entry.NotBefore - now : null;
        }
    }

    /// <summary>Counts a failure and returns how many <paramref name="key"/> has now (within the policy's memory).</summary>
    public int Fail(string key, ThrottlePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref failures) % 1024 == 0)
        {
            Prune(now, policy.Forget);
        }

        var entry = entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            if (now - entry.LastFailure > policy.Forget)
            {
                entry.Count = 0;
            }

            entry.Count++;
            entry.LastFailure = now;
            if (entry.Count > policy.Free)
            {
                var doublings = Math.Min(entry.Count - policy.Free - 1, 30);
                var wait = TimeSpan.FromTicks((long)Math.Min(policy.First.Ticks * Math.Pow(2, doublings), policy.Longest.Ticks));
                entry.NotBefore = now + wait;
            }

            return entry.Count;
        }
    }

    /// <summary>Tells the client when to try again (<c>Retry-After</c>, whole seconds); returns the seconds for the message.</summary>
    public static int RetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>A success forgets the key's failures.</summary>
    public void Succeed(string key) => entries.TryRemove(key, out _);

    private void Prune(DateTimeOffset now, TimeSpan forget)
    {
        foreach (var (key, entry) in entries)
        {
            if (now - entry.LastFailure > forget && entry.NotBefore < now)
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry
    {
        public int Count { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset NotBefore { get; set; }
    }
}
