using BenchmarkDotNet.Attributes;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure.Files;
using MotCua.Tests.Builders;

namespace MotCua.Benchmarks;

/// <summary>Finding the ID card's QR code in a 300-dpi A4 scan (2480 × 3508 pixels) and in a phone photo.</summary>
[MemoryDiagnoser]
public class QrDecodeBenchmarks
{
    private const string Line = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Số 1 ngõ 2, phường Trung Văn, Hà Nội|15042021";
    private byte[] a4 = [];
    private byte[] photo = [];

    [GlobalSetup]
    public void Setup()
    {
        a4 = TestImages.QrPng(Line, module: 5, degrees: 4, canvasWidth: 2480, canvasHeight: 3508, noise: 20);
        photo = TestImages.QrPng(Line, module: 7, degrees: 3, canvasWidth: 900, canvasHeight: 900, noise: 60);
        if (IdCardDecoder.Decode(a4, SniffedType.Png, FileBudget.Unbounded()) is null || IdCardDecoder.Decode(photo, SniffedType.Png, FileBudget.Unbounded()) is null)
        {
            throw new InvalidOperationException("The benchmark images must decode.");
        }
    }

    [Benchmark]
    public string? A4Scan300Dpi() => IdCardDecoder.Decode(a4, SniffedType.Png, FileBudget.Unbounded());

    [Benchmark]
    public string? PhonePhoto() => IdCardDecoder.Decode(photo, SniffedType.Png, FileBudget.Unbounded());
}
