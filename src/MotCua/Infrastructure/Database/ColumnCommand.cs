using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// Hand-written SQL for a statement on the hottest path, run on the context's connection and in its transaction,
/// with each parameter typed like an entity's column: EF's own type mapping and value conversion turn the value
/// into what EF itself would have stored (a Guid as text and an instant as a sortable integer on SQLite, native
/// types on PostgreSQL). EF's <c>ExecuteUpdate</c> translates its expression tree again at every call, which costs
/// more than the statement itself.
/// </summary>
public sealed class ColumnCommand : IAsyncDisposable
{
    private readonly DbContext db;

    private ColumnCommand(DbContext db, DbCommand command)
    {
        this.db = db;
        Command = command;
    }

    public DbCommand Command { get; }

    public static async Task<ColumnCommand> OpenAsync(DbContext db, string sql, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return new ColumnCommand(db, command);
    }

    /// <summary>Adds <c>@name</c>, typed and converted as <typeparamref name="TEntity"/>'s <paramref name="property"/>.</summary>
    public ColumnCommand Bind<TEntity>(string name, string property, object? value)
    {
        var mapping = db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetRelationalTypeMapping()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} is not a mapped column.");
        Command.Parameters.Add(mapping.CreateParameter(Command, "@" + name, value));
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await Command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }
}
