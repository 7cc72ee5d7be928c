using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// Inserts many rows of a mapped entity with one prepared command, reusing EF Core's own mapping (table, columns,
/// value converters), so bulk loads skip change tracking but store exactly what EF would. Rows go in the
/// caller's transaction; the caller commits.
/// </summary>
public static class BulkInsert
{
    public static async Task<int> RowsAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null && p.PropertyInfo is not null).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        const string quote = "\"";
        command.CommandText = $"INSERT INTO {quote}{table.Name}{quote} ({string.Join(", ", columns.Select(c => quote + c.GetColumnName(table) + quote))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            command.Parameters.Add(p);
            return (Parameter: p, Property: c, Converter: c.GetTypeMapping().Converter);
        }).ToList();

        var count = 0;
        var prepared = false;
        foreach (var row in rows)
        {
            foreach (var (parameter, property, converter) in parameters)
            {
                var value = property.PropertyInfo!.GetValue(row);
                if (converter is not null && value is not null)
                {
                    value = converter.ConvertToProvider(value);
                }

                parameter.Value = value ?? DBNull.Value;
            }

            if (!prepared)
            {
                await command.PrepareAsync(ct);
                prepared = true;
            }

            count += await command.ExecuteNonQueryAsync(ct);
        }

        return count;
    }
}
