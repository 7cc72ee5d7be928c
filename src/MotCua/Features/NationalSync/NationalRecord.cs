using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.NationalSync;

/// <summary>
/// A dossier as the national public service portal records it (its "đồng bộ hồ sơ" message): the dossier with its
/// national procedure code and national status, the step just taken (who, when, the end date the law gives the step
/// the dossier is now at) and the result documents once there is a result. Instants are Vietnam time,
/// <c>yyyyMMddHHmmss</c>, as the portal's messages write them.
/// </summary>
public sealed record NationalRecord(
    [property: JsonPropertyName("MaHoSo")] string Code,
    [property: JsonPropertyName("MaTTHC")] string ProcedureCode,
    [property: JsonPropertyName("TenTTHC")] string ProcedureName,
    [property: JsonPropertyName("MaCoQuan")] string OfficeCode,
    [property: JsonPropertyName("KenhThucHien")] int Channel,
    [property: JsonPropertyName("ChuHoSo")] string ApplicantName,
    [property: JsonPropertyName("SoGiayToChuHoSo")] string ApplicantIdNumber,
    [property: JsonPropertyName("NgayTiepNhan")] string ReceivedAt,
    [property: JsonPropertyName("NgayHenTra")] string DueAt,
    [property: JsonPropertyName("NgayKetThucXuLy")] string? ResolvedAt,
    [property: JsonPropertyName("TrangThaiHoSo")] int Status,
    [property: JsonPropertyName("QuaTrinhXuLy")] NationalStep Step,
    [property: JsonPropertyName("DanhSachGiayToKetQua")] IReadOnlyList<NationalResult> Results)
{
    public static string Instant(DateTimeOffset at) => VietnamTime.ToVietnam(at).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>The national portal's channels: 1 at the counter, 2 online, 3 by post.</summary>
    public static int ChannelOf(DossierChannel channel) => channel switch
    {
        DossierChannel.Online => 2,
        DossierChannel.Post => 3,
        _ => 1,
    };
}

/// <summary>One processing step: its order in the dossier's history, who took it and when, what it was, and the legal end date of the step it led to.</summary>
public sealed record NationalStep(
    [property: JsonPropertyName("ThuTu")] int Seq,
    [property: JsonPropertyName("NguoiXuLy")] string? Officer,
    [property: JsonPropertyName("TaiKhoanXuLy")] string? Account,
    [property: JsonPropertyName("ThoiDiemXuLy")] string At,
    [property: JsonPropertyName("NoiDungXuLy")] string What,
    [property: JsonPropertyName("BuocTruoc")] string? FromStep,
    [property: JsonPropertyName("BuocTiepTheo")] string? ToStep,
    [property: JsonPropertyName("HanXuLyTheoQuyDinh")] string? StepDueAt);

public sealed record NationalResult([property: JsonPropertyName("TenGiayTo")] string Name, [property: JsonPropertyName("NgayBanHanh")] string IssuedAt);

/// <summary>
/// Configuration section "NationalSync:Statuses": the national status code (1–10) of each of MotCua's dossier states.
/// The portal's table is data it may change; the defaults follow its list as the integration documents give it.
/// </summary>
public static class NationalStatuses
{
    /// <summary>The portal's codes, in its order.</summary>
    public static readonly IReadOnlyList<int> Codes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    public static readonly IReadOnlyDictionary<DossierStatus, int> Defaults = new Dictionary<DossierStatus, int>
    {
        [DossierStatus.Received] = 2, // được tiếp nhận
        [DossierStatus.InProgress] = 4, // đang xử lý
        [DossierStatus.WaitingSupplement] = 5, // yêu cầu bổ sung giấy tờ
        [DossierStatus.ResultReady] = 9, // đã xử lý xong
        [DossierStatus.Returned] = 10, // đã trả kết quả
        [DossierStatus.Refused] = 3, // không được tiếp nhận (không đủ điều kiện giải quyết)
        [DossierStatus.Stopped] = 8, // dừng xử lý
    };

    /// <summary>The code of <paramref name="status"/> by the configured table (a state it leaves out keeps its default).</summary>
    public static int Of(DossierStatus status, IReadOnlyDictionary<string, int> configured) =>
        configured.TryGetValue(EnumNames.Of(status), out var code) && Codes.Contains(code) ? code : Defaults[status];

    /// <summary>The portal's name of a code, in the reader's language.</summary>
    public static string Name(int code) => Texts.Get("NationalSync.Status." + code.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Writes the national record of each step of a dossier into the outbox, in the step's transaction.</summary>
public sealed class SyncOnStep(AppDbContext db, CatalogReader catalog, StaffDirectory staff, Microsoft.Extensions.Options.IOptions<NationalSyncOptions> options, TimeProvider clock)
    : IHandles<DossierStepRecorded>
{
    public async Task HandleAsync(DossierStepRecorded happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        if (!options.Value.Enabled)
        {
            return;
        }

        var dossier = happened.Dossier;
        var resolved = dossier.Status is DossierStatus.ResultReady or DossierStatus.Returned or DossierStatus.Refused or DossierStatus.Stopped;
        var results = new List<NationalResult>();
        if (dossier.Status is DossierStatus.ResultReady or DossierStatus.Returned && await catalog.VersionAsync(dossier.ProcedureVersionId, ct) is { ResultDocument.Length: > 0 } version)
        {
            results.Add(new NationalResult(version.ResultDocument, NationalRecord.Instant(dossier.ResolvedAt ?? happened.At)));
        }

        var officer = happened.Actor is { Length: > 0 } actor && actor != "system" && (await staff.FullNamesAsync([actor], ct)).TryGetValue(actor, out var name) ? name : null;
        var record = new NationalRecord(
            dossier.Code, dossier.ProcedureCode, dossier.ProcedureName, dossier.OfficeCode, NationalRecord.ChannelOf(dossier.Channel), dossier.ApplicantName, dossier.ApplicantIdNumber,
            NationalRecord.Instant(dossier.ReceivedAt), NationalRecord.Instant(dossier.DueAt), resolved ? NationalRecord.Instant(dossier.ResolvedAt ?? happened.At) : null,
            NationalStatuses.Of(dossier.Status, options.Value.Statuses),
            new NationalStep(happened.Seq, officer, happened.Actor, NationalRecord.Instant(happened.At), Texts.InVietnamese("Action." + happened.Action), happened.FromStep, happened.ToStep,
                happened.StepDueAt is { } due ? NationalRecord.Instant(due) : null),
            results);
        var now = clock.GetUtcNow();
        db.Add(new SyncMessage
        {
            DossierId = dossier.Id, DossierCode = dossier.Code, OfficeId = dossier.OfficeId, Seq = happened.Seq, Payload = JsonSerializer.Serialize(record),
            CreatedAt = now, NextAttemptAt = now,
        });
    }
}
