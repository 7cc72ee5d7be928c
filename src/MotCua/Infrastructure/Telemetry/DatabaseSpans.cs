using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MotCua.Infrastructure.Telemetry;

/// <summary>
/// A span for each database command, child of the request or job that sent it, named by what it does and to which
/// table ("SELECT dossiers"): the command's text, its parameters and any error message (which may quote a value)
/// never reach it. An EF Core interceptor rather than OpenTelemetry's EF Core instrumentation, which listens to every
/// one of EF Core's diagnostic events to find the few it needs (with it, tracing added 8 % to what a dossier read
/// allocates; with this, 4 %: docs/benchmarks.md); this one does nothing unless traces are recorded.
/// </summary>
internal sealed class DatabaseSpans(string system) : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, Activity> open = [];

    /// <summary>Each command text's summary, worked out once (EF Core sends the same few hundred texts again and again).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> summaries = new(StringComparer.Ordinal);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(command, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(command, eventData.Exception.GetType().FullName);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command, eventData.Exception.GetType().FullName);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop(command, "canceled");

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command, "canceled");
        return Task.CompletedTask;
    }

    /// <summary>"SELECT dossiers": the command's first word and the first table it names.</summary>
    internal static string Summary(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var operation = text[..(text.IndexOfAny(" \n\r") is var space and >= 0 ? space : text.Length)].ToString().ToUpperInvariant();
        var (first, after) = (-1, 0);
        foreach (var keyword in (ReadOnlySpan<string>)["FROM", "INTO", "UPDATE", "JOIN"])
        {
            for (var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); at >= 0; at = Next(text, keyword, at))
            {
                // A whole word, followed by the table's name.
                if ((at == 0 || char.IsWhiteSpace(text[at - 1])) && at + keyword.Length < text.Length && char.IsWhiteSpace(text[at + keyword.Length]))
                {
                    (first, after) = first < 0 || at < first ? (at, at + keyword.Length) : (first, after);
                    break;
                }
            }
        }

        if (first < 0)
        {
            return operation;
        }

        var rest = text[after..].TrimStart();
        var name = rest.StartsWith('"') ? rest[1..] is var quoted && quoted.IndexOf('"') is var close and >= 0 ? quoted[..close] : [] : rest[..(rest.IndexOfAny(" \n\r(;") is var stop and >= 0 ? stop : rest.Length)];
        return name.IsEmpty ? operation : $"{operation} {name}";

        static int Next(ReadOnlySpan<char> text, string keyword, int at) =>
            text[(at + 1)..].IndexOf(keyword, StringComparison.OrdinalIgnoreCase) is var next and >= 0 ? at + 1 + next : -1;
    }

    private void Start(DbCommand command)
    {
        if (!AppMetrics.Source.HasListeners() || Activity.Current is not { } parent)
        {
            return;
        }

        // Not made the current activity: nothing else nests under a command, and the caller's current span stays its own.
        var text = command.CommandText;
        if (!summaries.TryGetValue(text, out var summary))
        {
            summary = Summary(text);
            if (summaries.Count < 4096)
            {
                summaries[text] = summary;
            }
        }

        var span = AppMetrics.Source.StartActivity(summary, ActivityKind.Client, parent.Context);
        if (span is null)
        {
            return;
        }

        Activity.Current = parent;

        if (span.IsAllDataRequested)
        {
            span.SetTag("db.system.name", system);
            span.SetTag("db.query.summary", summary);
        }

        open.AddOrUpdate(command, span);
    }

    private void Stop(DbCommand command, string? error)
    {
        if (open.TryGetValue(command, out var span))
        {
            open.Remove(command);
            if (error is not null)
            {
                span.SetStatus(ActivityStatusCode.Error);
                span.SetTag("error.type", error);
            }

            span.Stop();
        }
    }
}
