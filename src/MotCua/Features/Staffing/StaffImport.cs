using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

public sealed record ImportedStaff(int People, int Positions);

/// <summary>
/// An existing staff list from Excel (the first sheet; one row a person and the position they hold), applied whole
/// or not at all: every bad row is named (<c>row N.column</c>) and nothing is written. The columns, by their
/// Vietnamese headings: Họ và tên, Số định danh, Loại (công chức, viên chức, hợp đồng), Ngạch, Ngày vào, Mã đơn vị,
/// Vị trí việc làm, Từ ngày, Tài khoản (optional). A position a unit does not have yet is added (not rotated);
/// the units' quotas hold for the day each position starts.
/// </summary>
public sealed class StaffImport(AppDbContext db, UnitTree tree, UnitScope scope, StaffingDesk desk, StaffMemberships memberships, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;

    private static readonly Dictionary<string, StaffCategory> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["công chức"] = StaffCategory.CivilServant, ["viên chức"] = StaffCategory.PublicEmployee, ["hợp đồng"] = StaffCategory.Contract,
        ["civilServant"] = StaffCategory.CivilServant, ["publicEmployee"] = StaffCategory.PublicEmployee, ["contract"] = StaffCategory.Contract,
    };

    private sealed record Row(int Number, string FullName, string IdNumber, StaffCategory Category, string? Rank, DateOnly? JoinedOn, UnitInfo Unit, string Position, DateOnly From, Guid? Account);

    /// <summary>An uploaded workbook of <paramref name="length"/> bytes: read whole (at most <see cref="MaxBytes"/>) when it is a zip, then imported.</summary>
    public async Task<Result<ImportedStaff>> FromUploadAsync(Stream source, long length, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (length is 0 or > MaxBytes)
        {
            return Failure.Invalid("file", Texts.Get(length == 0 ? "Staffing.Import.Empty" : "Staffing.Import.TooLarge"));
        }

        await using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; buffer.Length <= MaxBytes && (read = await source.ReadAsync(chunk, ct)) > 0;)
        {
            buffer.Write(chunk, 0, read); // a body longer than it said stops one chunk past the limit
        }

        if (buffer.Length > MaxBytes || buffer.Length < 4 || buffer.GetBuffer() is not [(byte)'P', (byte)'K', 3, 4, ..])
        {
            return Failure.Invalid("file", Texts.Get("Staffing.Import.Unreadable"));
        }

        buffer.Position = 0;
        return await ImportAsync(buffer, user, ct);
    }

    public async Task<Result<ImportedStaff>> ImportAsync(Stream content, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        List<IDictionary<string, object?>> sheet;
        try
        {
            if (!WithinBounds(content))
            {
                return Failure.Invalid("file", Texts.Get("Staffing.Import.Unreadable"));
            }

            content.Position = 0;
            sheet = [.. content.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(MaxRows + 1)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A hostile or damaged workbook fails the reader in many ways; each is the same answer to the person.
            return Failure.Invalid("file", Texts.Get("Staffing.Import.Unreadable"));
        }

        if (sheet.Count is 0 or > MaxRows)
        {
            return Failure.Invalid("file", Texts.Get(sheet.Count == 0 ? "Staffing.Import.Empty" : "Staffing.Import.TooMany", MaxRows));
        }

        var errors = new Dictionary<string, List<string>>();
        void Error(int row, string column, string message) => (errors.TryGetValue($"row {row}.{column}", out var list) ? list : errors[$"row {row}.{column}"] = []).Add(message);
        var visible = await scope.VisibleUnitIdsAsync(user, ct);
        var rows = new List<Row>();
        var seen = new HashSet<string>();
        for (var i = 0; i < sheet.Count; i++)
        {
            var n = i + 2; // the heading is row 1
            string? Cell(string name) => sheet[i].TryGetValue(name, out var v) && v is not null && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text ? text : null;
            var name = Cell("Họ và tên");
            var id = Cell("Số định danh");
            var unitCode = Cell("Mã đơn vị");
            var position = Cell("Vị trí việc làm");
            var count = errors.Count;
            if (name is not { Length: <= 200 })
            {
                Error(n, "Họ và tên", Texts.Get("Staffing.NameRequired"));
            }

            if (id is null || id.Length != 12 || !id.All(char.IsAsciiDigit))
            {
                Error(n, "Số định danh", Texts.Get("Staffing.IdNumberFormat"));
            }
            else if (!seen.Add(id))
            {
                Error(n, "Số định danh", Texts.Get("Staffing.Import.Twice"));
            }

            if (!Categories.TryGetValue(Cell("Loại") ?? "", out var category))
            {
                Error(n, "Loại", Texts.Get("Staffing.CategoryRequired"));
            }

            var unit = unitCode is null ? null : await tree.FindByCodeAsync(unitCode, ct);
            if (unit is null || !visible.Contains(unit.Id) || !await desk.MayEditAsync(user, unit.Id, ct))
            {
                Error(n, "Mã đơn vị", Texts.Get("Staffing.Import.UnitUnknown"));
            }

            if (position is not { Length: <= 300 })
            {
                Error(n, "Vị trí việc làm", Texts.Get("Staffing.PositionRequired"));
            }

            var from = Day(sheet[i].TryGetValue("Từ ngày", out var f) ? f : null);
            if (from is null)
            {
                Error(n, "Từ ngày", Texts.Get("Staffing.FromRequired"));
            }
            else if (unit is not null && !unit.IsValidOn(from.Value))
            {
                Error(n, "Từ ngày", Texts.Get("Staffing.UnitClosed", unit.Name));
            }

            Guid? account = null;
            if (Cell("Tài khoản") is { } username && (account = await memberships.AccountIdAsync(username, ct)) is null)
            {
                Error(n, "Tài khoản", Texts.Get("Staffing.AccountUnknown"));
            }

            if (errors.Count == count)
            {
                rows.Add(new Row(n, name!, id!, category, Cell("Ngạch"), Day(sheet[i].TryGetValue("Ngày vào", out var j) ? j : null), unit!, position!, from!.Value, account));
            }
        }

        var ids = rows.Select(r => r.IdNumber).ToList();
        foreach (var known in await db.Set<StaffPerson>().Where(p => ids.Contains(p.IdNumber)).Select(p => p.IdNumber).ToListAsync(ct))
        {
            Error(rows.First(r => r.IdNumber == known).Number, "Số định danh", Texts.Get("Staffing.PersonExists"));
        }

        // Each unit's quota on the day its imported people start, with those before them in the file.
        foreach (var group in rows.GroupBy(r => (r.Unit.Id, r.Category)))
        {
            var adding = 0;
            foreach (var row in group.OrderBy(r => r.From))
            {
                adding++;
                if (await desk.RoomAsync(row.Unit, row.Category, row.From, ct) is { Quota: { } quota } figures && figures.Filled + adding > quota)
                {
                    Error(row.Number, "Mã đơn vị", Texts.Get("Staffing.OverQuota", row.Unit.Name, figures.Filled + adding - 1, quota));
                    break;
                }
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), Texts.Get("Staffing.Import.Refused", errors.Keys.Select(k => k.Split('.')[0]).Distinct().Count()));
        }

        var now = clock.GetUtcNow();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var unitIds = rows.Select(r => r.Unit.Id).Distinct().ToList();
        var positions = (await db.Set<Position>().Where(p => unitIds.Contains(p.UnitId)).ToListAsync(ct)).ToDictionary(p => (p.UnitId, p.Name));
        var added = 0;
        foreach (var row in rows)
        {
            if (!positions.TryGetValue((row.Unit.Id, row.Position), out var post))
            {
                positions[(row.Unit.Id, row.Position)] = post = new Position { UnitId = row.Unit.Id, Name = row.Position, Category = row.Category, CreatedAt = now };
                db.Add(post);
                added++;
            }

            var person = new StaffPerson { FullName = row.FullName, IdNumber = row.IdNumber, Category = row.Category, Rank = row.Rank, JoinedOn = row.JoinedOn, AccountId = row.Account, CreatedAt = now };
            db.Add(person);
            db.Add(new PositionHeld { PersonId = person.Id, PositionId = post.Id, UnitId = row.Unit.Id, Category = post.Category, ValidFrom = row.From });
            if (row.Account is { } account)
            {
                await memberships.JoinAsync(account, row.Unit.Id, row.From, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportedStaff(rows.Count, added);
    }

    /// <summary>Whether the workbook is a zip whose parts unpack to at most <see cref="MaxUnpackedBytes"/> (a zip bomb is not opened).</summary>
    private static bool WithinBounds(Stream content)
    {
        using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        return zip.Entries.Count <= 1000 && zip.Entries.Sum(e => e.Length) <= MaxUnpackedBytes;
    }

    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>A day from a cell: an Excel date, or text as dd/MM/yyyy or yyyy-MM-dd.</summary>
    private static DateOnly? Day(object? cell) => cell switch
    {
        DateTime d => DateOnly.FromDateTime(d),
        double serial when serial is > 0 and < 2_958_466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
        string text when DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
        _ => null,
    };
}
