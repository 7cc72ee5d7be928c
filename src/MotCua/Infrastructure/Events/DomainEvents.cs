namespace MotCua.Infrastructure.Events;

/// <summary>Told of an event inside the transaction that raised it: what it writes commits or rolls back with the change.</summary>
public interface IHandles<in TEvent>
{
    Task HandleAsync(TEvent happened, CancellationToken ct);
}

/// <summary>Told of an event once its transaction has committed (a screen, a push): what a rolled-back change must not cause.</summary>
public interface IHandlesCommitted<in TEvent>
{
    Task HandleCommittedAsync(TEvent happened, CancellationToken ct);
}

/// <summary>
/// In-process events, one instance per request or job: a capability tells what happened to its records and the
/// capabilities that care react, without the first knowing them. <see cref="RaiseAsync"/> runs the transactional
/// handlers at once and keeps the others for <see cref="CommittedAsync"/>; <see cref="RolledBack"/> forgets them.
/// </summary>
public sealed class DomainEvents(IServiceProvider services)
{
    private readonly List<Func<CancellationToken, Task>> afterCommit = [];

    public async Task RaiseAsync<TEvent>(TEvent happened, CancellationToken ct = default)
        where TEvent : notnull
    {
        foreach (var handler in services.GetServices<IHandles<TEvent>>())
        {
            await handler.HandleAsync(happened, ct);
        }

        foreach (var handler in services.GetServices<IHandlesCommitted<TEvent>>())
        {
            afterCommit.Add(c => handler.HandleCommittedAsync(happened, c));
        }
    }

    public async Task CommittedAsync(CancellationToken ct = default)
    {
        var work = afterCommit.ToArray();
        afterCommit.Clear();
        foreach (var step in work)
        {
            await step(ct);
        }
    }

    public void RolledBack() => afterCommit.Clear();
}
