using Microsoft.Extensions.Options;
using MotCua.Infrastructure.Text;

namespace MotCua.Infrastructure.Files;

public sealed class FileWorkOptions
{
    public const string Section = "Files";

    /// <summary>How long decoding the files of one request may take before it is answered as refused.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Decoded pixels one image may have (40 million: an A4 page at 600 dpi is 35 million).</summary>
    public long MaxPixelsPerImage { get; set; } = 40_000_000;

    /// <summary>Decoded pixels all the images of one request may have together (the memory budget: 4 bytes a pixel).</summary>
    public long MaxPixelsPerRequest { get; set; } = 120_000_000;

    /// <summary>How many requests decode files at once; the rest wait (within the time limit) for a turn.</summary>
    public int MaxConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount);
}

/// <summary>Why a file was refused while it was being decoded: damaged, over a budget, or too slow.</summary>
public sealed class FileRefusedException(string message) : Exception(message);

/// <summary>
/// The budget of one request's file work: pixels left to decode, and a token that ends the work when the
/// request's time is up, the client leaves or the app stops. Decoders take pixels before they allocate them.
/// </summary>
public sealed class FileBudget(long maxPixelsPerImage, long pixelsLeft, CancellationToken ct)
{
    private long pixelsLeft = pixelsLeft;

    public CancellationToken Token => ct;

    /// <summary>A budget without a request (tests, benchmarks, command-line tools).</summary>
    public static FileBudget Unbounded(CancellationToken ct = default) => new(new FileWorkOptions().MaxPixelsPerImage, long.MaxValue, ct);

    /// <summary>Refuses an image of that size before it is decoded (an embedded image whose library decodes it).</summary>
    public void CheckSize(long width, long height)
    {
        ct.ThrowIfCancellationRequested();
        if (width <= 0 || height <= 0)
        {
            throw new FileRefusedException(Refusals.Damaged);
        }

        if (width * height > maxPixelsPerImage)
        {
            throw new FileRefusedException(Refusals.TooManyPixels(width, height, maxPixelsPerImage));
        }
    }

    /// <summary>Charges an image's pixels to the request before they are allocated.</summary>
    public void TakePixels(long width, long height)
    {
        CheckSize(width, height);
        if (Interlocked.Add(ref pixelsLeft, -(width * height)) < 0)
        {
            throw new FileRefusedException(Refusals.RequestTooLarge);
        }
    }

    /// <summary>Why a file is refused, in the caller's language.</summary>
    internal static class Refusals
    {
        public static string Damaged => Texts.Get("Files.Damaged");

        public static string RequestTooLarge => Texts.Get("Files.TooLargeTogether");

        public static string TooSlow => Texts.Get("Files.TooSlow");

        public static string Busy => Texts.Get("Files.Busy");

        public static string TooManyPixels(long width, long height, long max) => Texts.Get("Files.TooManyPixels", width, height, max / 1_000_000);
    }
}

/// <summary>
/// Runs the decoding of uploaded files off the request thread, a few at a time, each request within a time limit
/// and a pixel budget. Decoding runs on a background thread of its own: a request whose time is up is answered at
/// once (and the app stops at once) even if a decoder were stuck; the stuck work keeps its turn until it ends, so
/// damaged files cannot pile up work beyond the number of turns.
/// </summary>
public sealed class FileWork(IOptions<FileWorkOptions> options, IHostApplicationLifetime lifetime, Telemetry.AppMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim turns = new(options.Value.MaxConcurrent, options.Value.MaxConcurrent);

    /// <summary>The work's result, or the reason it was refused (damaged, over budget, too slow, busy).</summary>
    public async Task<(T? Result, string? Refused)> RunAsync<T>(Func<FileBudget, T> work, CancellationToken ct)
    {
        var limits = options.Value;
        using var time = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        time.CancelAfter(limits.TimeLimit);
        try
        {
            await turns.WaitAsync(time.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            metrics.FileRefused("busy");
            return (default, FileBudget.Refusals.Busy);
        }

        var budget = new FileBudget(limits.MaxPixelsPerImage, limits.MaxPixelsPerRequest, time.Token);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(work(budget));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
            finally
            {
                turns.Release();
            }
        })
        { IsBackground = true, Name = "file work" };
        thread.Start();
        try
        {
            return (await done.Task.WaitAsync(time.Token), null);
        }
        catch (FileRefusedException e)
        {
            metrics.FileRefused("damaged_or_too_large");
            return (default, e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            metrics.FileRefused("too_slow");
            return (default, FileBudget.Refusals.TooSlow);
        }
    }

    public void Dispose() => turns.Dispose();
}
