using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Dossiers;

/// <summary>Builds form 01 for a dossier from what was received (never re-typed).</summary>
public sealed class ReceiptService(UnitTree units, PublicLinks links, StaffDirectory staff)
{
    public async Task<byte[]> RenderAsync(IDossier d, CancellationToken ct = default)
    {
        var office = await units.FindAsync(d.OfficeId, ct);
        var header = await units.FormHeaderAsync(d.OfficeId, ct);
        var documents = d.Documents.Select(x => $"{x.Name} ({Brought(x)})").ToList();
        var officer = d.ReceivedBy is { } username ? (await staff.FullNamesAsync([username], ct)).GetValueOrDefault(username, "") : "";
        return ReceiptPdf.Render(new ReceiptData(
            header.Issuer,
            office?.Name ?? d.OfficeCode, d.Code, d.ApplicantName, d.ApplicantAddress, d.ApplicantPhone, d.ApplicantEmail, d.ProcedureName, documents, 1,
            d.LegalWorkingDays, d.SameDay, d.ReceivedAt, d.DueAt, d.Channel == DossierChannel.Post ? "qua dịch vụ bưu chính công ích" : office?.Name ?? "Bộ phận Một cửa",
            $"{d.ReceivedAt.ToOffset(VietnamTime.Offset):yyyy}/{d.OfficeCode}", d.Sequence, officer, new Uri(links.Track(d.Code, d.TrackingKey)), TrackingKeys.Display(d.TrackingKey), header.Place));
    }


    /// <summary>What the citizen brought, as the receipt says it: "1 bản chính, 2 bản sao", the store's copy, or the form filled in for them.</summary>
    private static string Brought(ReceivedDocument x) => x.How switch
    {
        "store" => "bản điện tử đã có trong kho dữ liệu",
        "form" => "tờ khai điền sẵn từ dữ liệu đã có",
        _ => string.Join(", ", new[] { x.Originals > 0 ? $"{x.Originals} bản chính" : null, x.Copies > 0 ? $"{x.Copies} bản sao" : null }.OfType<string>()) is { Length: > 0 } counts ? counts : "bản giấy",
    };
}
