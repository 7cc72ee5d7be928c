using BenchmarkDotNet.Attributes;
using MotCua.Features.Forms.Contracts;

namespace MotCua.Benchmarks;

/// <summary>Rendering the receipt and appointment slip (form 01, two copies, QR code).</summary>
[MemoryDiagnoser]
public class ReceiptBenchmarks
{
    private readonly ReceiptData data = new(
        "UBND Phường Đại Mỗ", "Trung tâm Phục vụ hành chính công phường Đại Mỗ", "001.00.61.H26-260212-0001", "Nguyễn Văn An",
        "Số 1 ngõ 2, phường Trung Văn, Hà Nội", "0912345678", "an@example.vn", "Cấp Giấy xác nhận tình trạng hôn nhân",
        ["Tờ khai (MotCua điền sẵn; 1 bản chính, 0 bản sao)", "Căn cước (bản giấy; 1 bản chính, 0 bản sao)"], 1, 3, false,
        new DateTimeOffset(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 2, 24, 17, 0, 0, TimeSpan.FromHours(7)),
        "Trung tâm Phục vụ hành chính công phường Đại Mỗ", "2026/001.00.61.H26", 1, "canbo.trungvan", new Uri("http://localhost:5080/tra-cuu/001.00.61.H26-260212-0001?key=7KQ4M-XP2RD"), "7KQ4M-XP2RD", "Hà Nội");

    [Benchmark]
    public byte[] Receipt() => ReceiptPdf.Render(data);
}
