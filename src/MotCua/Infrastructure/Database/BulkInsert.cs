using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MotCua.Infrastructure.Database;

/// <summary>
/// Inserts many rows of a mapped entity with one prepared command, reusing EF Core's own mapping (table, columns,
/// value converters), so bulk loads skip change tracking but store exactly what EF would. Rows go in the
/// caller's transaction; the caller commits. On PostgreSQL the rows are streamed with binary <c>COPY</c>.
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

        const string quote = "\"";
        var names = string.Join(", ", columns.Select(c => quote + c.GetColumnName(table) + quote));
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            return await CopyAsync(npgsql, $"COPY {quote}{table.Name}{quote} ({names}) FROM STDIN (FORMAT BINARY)", columns, rows, ct);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {quote}{table.Name}{quote} ({names}) " +
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

    private static async Task<int> CopyAsync<T>(Npgsql.NpgsqlConnection connection, string copy, List<IProperty> columns, IEnumerable<T> rows, CancellationToken ct)
    {
        var converters = columns.Select(c => c.GetTypeMapping().Converter).ToList();
        var count = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(copy, ct))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].PropertyInfo!.GetValue(row);
                    if (converters[i] is { } converter && value is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    await (value switch
                    {
                        null => writer.WriteNullAsync(ct),
                        DateTimeOffset instant => writer.WriteAsync(instant.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz, ct),
                        string text => writer.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, ct),
                        Guid id => writer.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid, ct),
                        int n => writer.WriteAsync(n, NpgsqlTypes.NpgsqlDbType.Integer, ct),
                        long n => writer.WriteAsync(n, NpgsqlTypes.NpgsqlDbType.Bigint, ct),
                        bool b => writer.WriteAsync(b, NpgsqlTypes.NpgsqlDbType.Boolean, ct),
                        DateOnly d => writer.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.Date, ct),
                        decimal m => writer.WriteAsync(m, NpgsqlTypes.NpgsqlDbType.Numeric, ct),
                        double x => writer.WriteAsync(x, NpgsqlTypes.NpgsqlDbType.Double, ct),
                        _ => throw new NotSupportedException($"Bulk copy of {value.GetType().Name} ({columns[i].Name}) is not supported."),
                    });
                }

                count++;
            }

            await writer.CompleteAsync(ct);
        }

        return count;
    }
}
