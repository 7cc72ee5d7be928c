using System.Diagnostics;
using System.Net;
using SkiaSharp;

namespace MotCua.Tests.Features.Documents;

/// <summary>A real app process asked to stop (SIGTERM) while it decodes scans stops within its host's shutdown timeout.</summary>
public sealed class ShutdownTests
{
    // The host's default shutdown timeout: past it the host gives up on what is still running.
    private static readonly TimeSpan HostShutdownTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_process_stopped_mid_decode_exits_within_the_host_timeout()
    {
        var dataDir = Directory.CreateTempSubdirectory("motcua-stop-");
        var port = AppProcess.FreePort();
        // One decode at a time and a generous time limit: one request decodes while the others wait their turn.
        using var app = AppProcess.Start(Path.Combine(dataDir.FullName, "motcua.db"), dataDir.FullName, port,
            new Dictionary<string, string> { ["Files__MaxConcurrent"] = "1", ["Files__TimeLimit"] = "00:05:00" });
        try
        {
            using var client = await AppProcess.ReadyClientAsync(port);
            var scan = LargeScan();
            using var gone = new CancellationTokenSource(HostShutdownTimeout * 2);
            var decodes = Enumerable.Range(0, 4).Select(async _ =>
            {
                using var form = new MultipartFormDataContent { { new ByteArrayContent(scan), "file", "scan.jpg" } };
                try
                {
                    using var response = await client.PostAsync("/api/id-cards/decode", form, gone.Token);
                    return (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    return 0; // the connection closed as the process stopped
                }
            }).ToList();

            // Wait until the decoder holds a core (the process works), with the requests still unanswered.
            var cpu = app.TotalProcessorTime;
            for (var i = 0; i < 100 && app.TotalProcessorTime - cpu < TimeSpan.FromMilliseconds(700); i++)
            {
                await Task.Delay(100);
                app.Refresh();
            }

            Assert.DoesNotContain(decodes, d => d.IsCompleted);
            var asked = Stopwatch.StartNew();
            using (var term = Process.Start("kill", ["-TERM", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(HostShutdownTimeout);
            await app.WaitForExitAsync(deadline.Token);
            Assert.True(asked.Elapsed < HostShutdownTimeout, $"stopped after {asked.Elapsed}");
            var answers = await Task.WhenAll(decodes);
            Assert.DoesNotContain(answers, status => status >= 500 && status != (int)HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            if (!app.HasExited)
            {
                await AppProcess.KillAsync(app);
            }

            dataDir.Delete(recursive: true);
        }
    }

    /// <summary>A legitimate photo at the edge of the pixel budget (36 million pixels) with no QR code: slow to search.</summary>
    private static byte[] LargeScan()
    {
        using var bitmap = new SKBitmap(6000, 6000);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(6000, 6000), [SKColors.White, SKColors.Gray, SKColors.Black], SKShaderTileMode.Mirror);
            canvas.DrawRect(0, 0, 6000, 6000, paint);
            paint.Shader = null;
            paint.Color = SKColors.Black;
            for (var i = 0; i < 6000; i += 37)
            {
                canvas.DrawRect(i, (i * 7) % 6000, 19, 23, paint);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
