using System.Net;
using Microsoft.Playwright;
using netDumbster.smtp;

using MotCua.Tests;

namespace MotCua.BrowserTests;

/// <summary>
/// MotCua on a real Kestrel port with a fresh database, and Debian's headless Chromium driven by Playwright
/// (never a downloaded browser). Screenshots go to TestResults/screenshots.
/// </summary>
public class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public Browser()
        : this(null)
    {
    }

    protected Browser(IDictionary<string, string?>? extra)
    {
        Mail = SimpleSmtpServer.Start();
        // A port known before the start, so that the app's public address (where the sandbox gateway sends its IPN) is its own.
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var settings = new Dictionary<string, string?>
        {
            ["App:PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = Mail.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The journeys see the app as its users do: the dispatcher delivers in the background, as in production.
            ["Smtp:Security"] = "none", ["Notifications:PollEvery"] = "00:00:00.500", ["Notifications:DispatchEnabled"] = "true",
            ["Live:Seconds"] = "1", // dashboards and boards ask again every second, so that a journey sees them change
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        App = TestApp.WithSettings(settings);
    }

    private readonly int port;

    public TestApp App { get; }

    /// <summary>The SMTP server the app sends its e-mail to: what citizens would receive.</summary>
    public SimpleSmtpServer Mail { get; }

    public IBrowser Chromium { get; private set; } = null!;

    public Uri BaseAddress => App.ClientOptions.BaseAddress;

    public static string ScreenshotDir => Path.Combine(TestApp.RepoRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium chromium-driver (test.sh does this).");
        }

        App.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        await App.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        // Waits, not timings: on a shared two-core machine after the unit suite, a page's first request (compiling its
        // view) can take longer than Playwright's default five seconds. A journey still fails if the text never comes.
        Assertions.SetDefaultExpectTimeout(15_000);
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(string language = "vi-VN")
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), Locale = language, ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs a demo account in through the login page and waits for the page it asked for.</summary>
    public static async Task SignInAsync(IPage page, string username, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Accounts/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Tên đăng nhập").FillAsync(username);
        await page.GetByLabel("Mật khẩu").FillAsync(TestApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
    }

    /// <summary>Runs a journey; on failure keeps a screenshot of where it stopped.</summary>
    public static async Task JourneyAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
            await ScreenshotAsync(page, name);
        }
        catch
        {
            await ScreenshotAsync(page, name + "-failed");
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }

        playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
        Mail.Dispose();
    }
}
