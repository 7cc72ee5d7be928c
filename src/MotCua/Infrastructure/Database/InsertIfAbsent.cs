using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// "Insert unless a row with the same key exists" as one statement, <c>INSERT … ON CONFLICT (key) DO NOTHING</c> (or <c>DO UPDATE</c>)
/// (SQLite and PostgreSQL say it alike), so that two counters adding the same citizen at the same moment both
/// succeed: on PostgreSQL the second waits for the first and inserts nothing, where a read-then-insert would fail
/// on the unique index. The row's columns and values come from EF's model, converted as EF stores them.
/// </summary>
public static class InsertIfAbsent
{
    /// <summary>
    /// Inserts <paramref name="entity"/> (not tracked) unless its unique <paramref name="keys"/> exist, in which case
    /// the <paramref name="update"/> columns (if any) take the new values; true when a row was written.
    /// </summary>
    public static async Task<bool> RunAsync<TEntity>(DbContext db, TEntity entity, string[] keys, string[]? update = null, CancellationToken ct = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        string Column(IProperty p) => '"' + p.GetColumnName(table)! + '"';
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(Column))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))}) " +
            $"ON CONFLICT ({string.Join(", ", keys.Select(k => Column(type.FindProperty(k)!)))}) " +
            (update is { Length: > 0 } ? $"DO UPDATE SET {string.Join(", ", update.Select(u => $"{Column(type.FindProperty(u)!)} = excluded.{Column(type.FindProperty(u)!)}"))}" : "DO NOTHING");
        await using var command = await ColumnCommand.OpenAsync(db, sql, ct);
        for (var i = 0; i < properties.Count; i++)
        {
            command.Bind<TEntity>($"p{i}", properties[i].Name, properties[i].PropertyInfo!.GetValue(entity));
        }

        return await command.Command.ExecuteNonQueryAsync(ct) == 1;
    }
}
