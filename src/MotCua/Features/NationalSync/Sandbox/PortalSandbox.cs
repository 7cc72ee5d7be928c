using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Sandbox;

namespace MotCua.Features.NationalSync.Sandbox;

/// <summary>A record as the sandbox portal stored it: once per dossier and step, with whether it came after a later step of its dossier.</summary>
public sealed class SandboxRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }

    public int Seq { get; init; }

    public int Status { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>A later step of the same dossier had arrived before it: what the sending side must never cause.</summary>
    public bool OutOfOrder { get; init; }

    public required string Payload { get; init; }
}

internal sealed class SandboxRecordConfiguration : IEntityTypeConfiguration<SandboxRecord>
{
    public void Configure(EntityTypeBuilder<SandboxRecord> builder)
    {
        builder.ToTable("nationalsync_sandbox_record");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.Code, x.Seq }).IsUnique();
        builder.Property(x => x.Code).HasMaxLength(40);
    }
}

/// <summary>How the sandbox portal behaves: a tester (or a test) makes it slow, down, or lose answers, as the real one may be.</summary>
public sealed class SandboxPortalBehaviour
{
    public TimeSpan Latency { get; set; }

    /// <summary>Every request answers 503 (the portal is down).</summary>
    public bool Down { get; set; }

    /// <summary>The share of requests that fail before the portal stores anything.</summary>
    public double FailBefore { get; set; }

    /// <summary>The share of requests whose answer is lost after the portal stored the record.</summary>
    public double FailAfter { get; set; }

    /// <summary>National procedure codes the portal does not know (it refuses their records, as the real one refuses a code missing from the national database).</summary>
    public ISet<string> UnknownProcedures { get; } = new HashSet<string>();
}

/// <summary>
/// A stand-in for the national portal's dossier synchronisation, on when <c>Sandbox__Enabled</c> (demo mode) and
/// the configured address is its own: it checks the access key and the record, stores each dossier's step once, and
/// shows what it has (<c>GET /sandbox/dvcqg/dossiers/{code}</c>).
/// </summary>
public static class PortalSandbox
{
    public const string Api = "/sandbox/dvcqg/api/dossiers";

    private const long MaxRecordBytes = 256 * 1024;

    public static bool Active(IConfiguration configuration, NationalSyncOptions options) =>
        IdentitySandbox.IsEnabled(configuration) && options.Url.StartsWith('/') && !options.Url.StartsWith("//", StringComparison.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Api, ReceiveAsync).WithTags("Sandbox").AllowAnonymous().DisableAntiforgery()
            .WithSummary("The sandbox national portal's dossier synchronisation: stores one step of a dossier once");
        app.MapGet("/sandbox/dvcqg/dossiers/{code}", ShowAsync).WithTags("Sandbox")
            .RequireAuthorization(new AuthorizeAttribute(Accounts.Contracts.Policies.Staff) { AuthenticationSchemes = $"{IdentityConstants.ApplicationScheme},{IdentityConstants.BearerScheme}" })
            .WithSummary("What the sandbox national portal has received for a dossier, in the order it arrived");
    }

    private static IResult Answer(string code, string message, int status = StatusCodes.Status200OK) =>
        Results.Json(new Dictionary<string, string> { ["error_code"] = code, ["message"] = message }, statusCode: status);

    internal static async Task<IResult> ReceiveAsync(HttpRequest request, AppDbContext db, SandboxPortalBehaviour behaviour, IOptions<NationalSyncOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + options.Value.AccessKey)
        {
            return Answer("401", "Khóa truy cập không đúng."); // the portal's own error code, in an answer like its others
        }

        if (behaviour.Latency > TimeSpan.Zero)
        {
            await Task.Delay(behaviour.Latency, ct);
        }

        if (behaviour.Down || Random.Shared.NextDouble() < behaviour.FailBefore)
        {
            return Answer("503", "Hệ thống đang bảo trì.", StatusCodes.Status503ServiceUnavailable);
        }

        if (request.ContentLength is > MaxRecordBytes)
        {
            return Answer("413", "Bản ghi quá lớn.", StatusCodes.Status413PayloadTooLarge);
        }

        NationalRecord? record;
        string payload;
        try
        {
            using var reader = new StreamReader(request.Body);
            var buffer = new char[MaxRecordBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, ct);
            if (read > MaxRecordBytes)
            {
                return Answer("413", "Bản ghi quá lớn.", StatusCodes.Status413PayloadTooLarge);
            }

            payload = new string(buffer, 0, read);
            record = JsonSerializer.Deserialize<NationalRecord>(payload);
        }
        catch (JsonException)
        {
            return Answer("400", "Bản ghi không phải JSON hợp lệ.", StatusCodes.Status400BadRequest);
        }

        if ((Problem(record) ?? (behaviour.UnknownProcedures.Contains(record!.ProcedureCode) ? "Mã thủ tục (MaTTHC) không có trong Cơ sở dữ liệu quốc gia về thủ tục hành chính." : null)) is { } problem)
        {
            return Answer("2", problem);
        }

        if (!await db.Set<SandboxRecord>().AnyAsync(r => r.Code == record!.Code && r.Seq == record.Step.Seq, ct))
        {
            var later = await db.Set<SandboxRecord>().AnyAsync(r => r.Code == record!.Code && r.Seq > record.Step.Seq, ct);
            db.Add(new SandboxRecord { Code = record!.Code, Seq = record.Step.Seq, Status = record.Status, ReceivedAt = clock.GetUtcNow(), OutOfOrder = later, Payload = payload });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same step arrived twice at once: the other request stored it.
            }
        }

        return Random.Shared.NextDouble() < behaviour.FailAfter
            ? Answer("504", "Hết thời gian chờ.", StatusCodes.Status504GatewayTimeout)
            : Answer("0", "Thành công");
    }

    /// <summary>What the portal refuses in a record (its error code 2); null when it takes it.</summary>
    private static string? Problem(NationalRecord? record) =>
        record is null || record.Step is null ? "Thiếu thông tin hồ sơ."
        : record.Code is not { Length: > 0 and <= 40 } ? "Thiếu mã hồ sơ (MaHoSo)."
        : record.ProcedureCode is not { Length: > 0 } ? "Thiếu mã thủ tục (MaTTHC)."
        : !NationalStatuses.Codes.Contains(record.Status) ? "Trạng thái hồ sơ (TrangThaiHoSo) không thuộc danh mục."
        : record.Step.Seq <= 0 ? "Thiếu thứ tự bước xử lý (ThuTu)."
        : null;

    internal static async Task<IResult> ShowAsync(string code, ClaimsPrincipal user, DossierReader dossiers, AppDbContext db, CancellationToken ct)
    {
        if (await dossiers.ReadAsync(code, user, "national-sync", ct) is null)
        {
            return Results.NotFound();
        }

        var records = await db.Set<SandboxRecord>().AsNoTracking().Where(r => r.Code == code).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return Results.Ok(new
        {
            code,
            records = records.Select(r => new
            {
                r.Seq, status = r.Status, statusName = NationalStatuses.Name(r.Status), r.ReceivedAt, r.OutOfOrder, record = JsonDocument.Parse(r.Payload).RootElement,
            }),
        });
    }
}
