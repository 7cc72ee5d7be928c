using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Forms.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Dossiers;

/// <summary>Builds form 01 for a dossier from what was received (never re-typed).</summary>
public sealed class ReceiptService(UnitTree units, PublicLinks links)
{
    public async Task<byte[]> RenderAsync(IDossier d, CancellationToken ct = default)
    {
        var office = await units.FindAsync(d.OfficeId, ct);
        var header = await units.FormHeaderAsync(d.OfficeId, ct);
        var documents = d.Documents.Select(x => $"{x.Name} ({How(x.How)}; {x.Originals} bản chính, {x.Copies} bản sao)").ToList();
        return ReceiptPdf.Render(new ReceiptData(
            header.Issuer,
            office?.Name ?? d.OfficeCode, d.Code, d.ApplicantName, d.ApplicantAddress, d.ApplicantPhone, d.ApplicantEmail, d.ProcedureName, documents, 1,
            d.LegalWorkingDays, d.SameDay, d.ReceivedAt, d.DueAt, d.Channel == DossierChannel.Post ? "qua dịch vụ bưu chính công ích" : office?.Name ?? "Bộ phận Một cửa",
            $"{d.ReceivedAt.ToOffset(VietnamTime.Offset):yyyy}/{d.OfficeCode}", d.Sequence, d.ReceivedBy ?? "", new Uri(links.Track(d.Code, d.TrackingKey)), TrackingKeys.Display(d.TrackingKey), header.Place));
    }


    private static string How(string how) => how switch
    {
        "store" => "bản điện tử trong kho dữ liệu",
        "form" => "MotCua điền sẵn",
        _ => "bản giấy",
    };
}
