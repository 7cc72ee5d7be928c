using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>
/// Dossier codes <c>&lt;agency code&gt;-YYMMDD-XXXX</c>: the receiving agency's electronic code, the receipt date in
/// Vietnam time, and the sequence within that agency's day. The next number is taken with one upsert that locks
/// the office's row for the day until the receiving transaction ends: numbers are unique and, since a rolled-back
/// intake rolls its number back too, gap-free. Past 9,999 a day the sequence simply grows to five digits
/// (<c>-10000</c>): codes stay unique and sortable, and no office has come near that number.
/// </summary>
public static class DossierCode
{
    public static async Task<int> NextAsync(AppDbContext db, string officeCode, DateOnly day, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var result = await db.Database.SqlQuery<int>($"""
            INSERT INTO dossiers_sequence ("OfficeCode", "Day", "Last") VALUES ({officeCode}, {day}, 1)
            ON CONFLICT ("OfficeCode", "Day") DO UPDATE SET "Last" = dossiers_sequence."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return result.Single();
    }

    public static string Format(string officeCode, DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{officeCode}-{day:yyMMdd}-{sequence:0000}");

    public static bool LooksValid(string? code) =>
        code is { Length: >= 20 and <= 40 } && code.Count(c => c == '-') == 2 && !code.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
