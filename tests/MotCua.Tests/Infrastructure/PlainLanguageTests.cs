using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// Nothing a person sees speaks the code's language: no enum, field name, username or developer's note, no fraction
/// of a working day, no ISO date, on any page or official PDF of the main stories, in Vietnamese or English.
/// The pages are found as a person finds them: from the menu, following every link.
/// </summary>
public sealed partial class PlainLanguageTests
{
    private const string Office = "001.00.61.H26";

    private const string Ward = "000.00.61.H26";

    private static readonly string[] Staff = ["canbo.trungvan", "chuyenvien.trungvan", "lanhdao.trungvan", "admin"];

    private static readonly string[] Cultures = ["vi-VN", "en-US"];

    /// <summary>A citizen's rating of the nine criteria, one of them unsatisfied (the officers' attitude).</summary>
    private static readonly string[] Criteria = ["satisfied", "satisfied", "verySatisfied", "satisfied", "satisfied", "satisfied", "unsatisfied", "satisfied", "satisfied"];

    /// <summary>Words of the interface that look like code but are names: the product's own and the engines'.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "MotCua", "PostgreSQL", "SQLite", "OpenAPI", "JavaScript" };

    /// <summary>Pages for developers and administrators, where field names and usernames are the subject.</summary>
    private static readonly string[] ForDevelopers = ["/openapi", "/scalar", "/docs", "/Accounts"];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task No_page_or_official_document_speaks_the_codes_language(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        app.Clock.SetUtcNow(Flow.Monday);
        var start = await StoriesAsync(app);
        var usernames = await app.WithDbAsync(db => db.Set<MotCua.Features.Accounts.Account>().Where(a => a.Kind == MotCua.Features.Accounts.AccountKind.Staff).Select(a => a.UserName!).ToListAsync()); // a citizen's is their ID number: data
        var enumWords = EnumWords();
        var failures = new List<string>();
        var read = new HashSet<string>(StringComparer.Ordinal);

        foreach (var culture in Cultures)
        {
            foreach (var user in Staff.Append<string?>(null))
            {
                using var browser = user is null ? Pages.Browser(app) : await Pages.SignedInAsync(app, user);
                browser.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");
                foreach (var (url, text) in await CrawlAsync(browser, user is null ? start.Public : start.Staff))
                {
                    read.Add(url);
                    var who = $"{url} ({user ?? "public"}, {culture})";
                    var developers = ForDevelopers.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase));
                    failures.AddRange(Findings(text, culture == "vi-VN" ? enumWords : [], developers ? [] : usernames, developers).Select(f => $"{who}: {f}"));
                }
            }
        }

        Assert.True(failures.Count == 0, "Code on screen:\n" + string.Join('\n', failures.Distinct().Take(500)));
        string[] mustRead = [$"/Workflow/Dossier/{start.Open}", $"/Workflow/ControlSlip/{start.Open}?handler=Pdf", $"/Dossiers/Receipt/{start.Open}",
            $"/Workflow/ControlSlip/{start.Stopped}?handler=StopNotice", "/Dossiers/LogBook", "/Reports?handler=pdf", "/Reports?handler=officersPdf", "/Reports", "/Intake", "/Queue", "/Citizens", "/Citizens/Record/"];
        Assert.DoesNotContain(mustRead, u => !read.Any(r => r.StartsWith(u, StringComparison.OrdinalIgnoreCase))); // the pages that matter were read, not skipped
        Assert.Contains(read, u => u.Contains("handler=apology", StringComparison.OrdinalIgnoreCase));
        Assert.True(read.Count >= 40, $"only {read.Count} pages were read");
    });

    /// <summary>Dossiers in the states people meet: handed over, late and apologised for, returned and rated, stopped.</summary>
    private static async Task<(string[] Staff, string[] Public, string Open, string Stopped)> StoriesAsync(TestApp app)
    {
        var open = await Flow.ReceiveAsync(app, "1.004873", "001090400011");
        await Flow.ActAsync(app, "canbo.trungvan", open, "forward");
        var done = await Flow.ReceiveAsync(app, "2.000815", "001090400012");
        await Flow.ToResultReadyAsync(app, done);
        await Flow.ActAsync(app, "canbo.trungvan", done, "returnResult", new { receivedBy = "Nguyễn Văn An", feesCollected = 2000 });
        var stopped = await Flow.ReceiveAsync(app, "1.004873", "001090400013");
        await Flow.ActAsync(app, "canbo.trungvan", stopped, "forward");
        await Flow.ActAsync(app, "lanhdao.trungvan", stopped, "stop", new { note = "Công dân có đơn rút hồ sơ ngày 01/3/2027" });
        var late = await Flow.ReceiveAsync(app, "1.004873", "001090400014");
        await Flow.ActAsync(app, "canbo.trungvan", late, "forward");
        app.Clock.SetUtcNow(Flow.At(2027, 3, 3, 9));
        await Flow.SweepAsync(app);
        await Flow.ActAsync(app, "lanhdao.trungvan", late, "apologise", new { note = "Chờ kết quả xác minh của xã nơi cư trú trước đây", newDueDate = "2027-03-10" });

        var key = await app.WithDbAsync(db => db.Set<MotCua.Features.Dossiers.Dossier>().Where(d => d.Code == done).Select(d => d.TrackingKey).SingleAsync());
        var citizenId = await app.WithDbAsync(db => db.Set<MotCua.Features.Citizens.Citizen>().Where(c => c.IdNumber == "001090400011").Select(c => c.Id).SingleAsync());
        using var citizen = app.CreateClient();
        using var rated = await citizen.PostAsJsonAsync("/api/evaluations", new { dossierCode = done, kind = "dossier", key, criteria = Criteria });
        Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());

        string[] staff = ["/", "/Intake", "/Queue", "/Workflow", "/Dossiers/Today", "/Dossiers/LogBook", "/Reports", "/Reports/Monthly", "/Citizens",
            "/Catalog", "/Calendar", "/Units", "/Notifications", $"/Workflow/Dossier/{open}", $"/Workflow/Dossier/{late}", $"/Workflow/Dossier/{stopped}",
            $"/Workflow/Dossier/{done}", $"/Dossiers/Return?code={done}", "/Dossiers/Return", $"/Citizens/Record/{citizenId}?purpose={Uri.EscapeDataString("Kiểm tra dữ liệu đã lưu của công dân")}",
            $"/Reports?handler=pdf&unit={Ward}&from=2027-03-01&to=2027-03-03", $"/Reports?handler=officersPdf&unit={Ward}&from=2027-03-01&to=2027-03-03"];
        string[] anyone = ["/", "/thu-tuc", $"/lay-so/{Office}", $"/bang-goi-so/{Office}", $"/bang-cong-khai/{Office}", $"/dat-lich/{Office}",
            $"/tra-cuu/{done}?key={key}", $"/danh-gia/{done}?key={key}", "/tra-cuu"];
        return (staff, anyone, open, stopped);
    }

    /// <summary>Every page and PDF reachable by GET from the start pages, within the site, as text a person reads.</summary>
    private static async Task<List<(string Url, string Text)>> CrawlAsync(HttpClient browser, string[] start)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var pages = new List<(string, string)>();
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.Count > 0 && pages.Count < 250)
        {
            var url = queue.Dequeue();
            using var response = await browser.GetAsync(url);
            var type = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue; // not this person's page
            }

            if (type == "application/pdf")
            {
                pages.Add((url, Flow.PdfText(await response.Content.ReadAsByteArrayAsync())));
                continue;
            }

            if (type != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            pages.Add((url, VisibleText(html)));
            foreach (Match link in Links().Matches(html))
            {
                var target = WebUtility.HtmlDecode(link.Groups[1].Value);
                target = target.StartsWith('?') ? url.Split('?')[0] + target : target; // "?handler=pdf": this page's file
                if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && Followed(target) && seen.Add(target)
                    && CollectionsMarshal.GetValueRefOrAddDefault(shapes, Shape(target), out _)++ < 3)
                {
                    queue.Enqueue(target);
                }
            }
        }

        return pages;
    }

    /// <summary>A link's kind: its path and query names without the values and numbers, so that a crawl reads a few pages of each kind, not every procedure's every version.</summary>
    private static string Shape(string url) => Digits().Replace(QueryValues().Replace(url, "="), "0");

    [GeneratedRegex("=[^&]*")]
    private static partial Regex QueryValues();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    /// <summary>Links a crawl follows: not sign-out or the language switch (they change the session), not files that are not read here.</summary>
    private static bool Followed(string url) =>
        !url.Contains("Logout", StringComparison.OrdinalIgnoreCase) && !url.Contains("culture", StringComparison.OrdinalIgnoreCase)
        && !url.Contains("handler=Excel", StringComparison.OrdinalIgnoreCase) && !url.Contains("kind=excel", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("/api/", StringComparison.Ordinal) && !url.StartsWith("/css/", StringComparison.Ordinal) && !url.StartsWith("/js/", StringComparison.Ordinal)
        && !url.StartsWith("/hubs/", StringComparison.Ordinal) && !url.Contains('#', StringComparison.Ordinal);

    /// <summary>What in the text is the code's language, each with why.</summary>
    private static IEnumerable<string> Findings(string text, HashSet<string> enumWords, IReadOnlyCollection<string> usernames, bool developers)
    {
        foreach (var username in usernames.Where(u => Regex.IsMatch(text, $@"(?<![\w.@]){Regex.Escape(u)}(?![\w@])")))
        {
            yield return $"username \"{username}\"";
        }

        if (!developers)
        {
            foreach (var word in Identifier().Matches(text).Select(m => m.Value).Where(w => !Names.Contains(w)).Distinct())
            {
                yield return $"identifier \"{word}\"";
            }
        }

        foreach (var word in Words().Matches(text).Select(m => m.Value).Where(enumWords.Contains).Distinct())
        {
            yield return $"enum value \"{word}\" in Vietnamese";
        }

        foreach (var note in DeveloperNote().Matches(text).Select(m => m.Value).Distinct())
        {
            yield return $"developer's note \"{note}\"";
        }

        foreach (var days in FractionOfDays().Matches(text).Select(m => m.Value).Distinct())
        {
            yield return $"fraction of a working day \"{days}\"";
        }

        foreach (var date in IsoDate().Matches(text).Select(m => m.Value).Distinct())
        {
            yield return $"ISO date \"{date}\"";
        }
    }

    /// <summary>The names of the product's enum values as the JSON writes them (camelCase) and as C# does: code, never Vietnamese.</summary>
    private static HashSet<string> EnumWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            foreach (var name in type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name))
            {
                words.Add(name);
                words.Add(JsonNamingPolicy.CamelCase.ConvertName(name));
            }
        }

        words.Remove("Postgres"); // a database engine named on the operator's page
        words.Remove("Sqlite");
        return words;
    }

    /// <summary>The text a person sees: between tags and in the attributes read out or shown, outside scripts and styles and outside what a field holds (a textarea's value, like an input's, is what the person typed or edits).</summary>
    private static string VisibleText(string html)
    {
        html = Hidden().Replace(html, " ");
        var attributes = ShownAttributes().Matches(html).Select(m => m.Groups[2].Value);
        return WebUtility.HtmlDecode(string.Join('\n', attributes.Concat(Tags().Split(html).Select(t => t.Trim()).Where(t => t.Length > 0))));
    }

    [GeneratedRegex("<(script|style|template|textarea)[^>]*>.*?</\\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s(title|aria-label|placeholder|alt)=\"([^\"]*)\"")]
    private static partial Regex ShownAttributes();

    [GeneratedRegex("\\shref=\"([^\"]+)\"")]
    private static partial Regex Links();

    /// <summary>camelCase or joined PascalCase words: <c>dateOfBirth</c>, <c>InProgress</c>, <c>OneStopOfficer</c>.</summary>
    [GeneratedRegex(@"(?<![\w./@-])(?:[a-z]+(?:[A-Z][a-z0-9]+)+|[A-Z][a-z]+(?:[A-Z][a-z]+)+)(?![\w/@-])")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<![\w./@-])[A-Za-z]+(?![\w/@-])")]
    private static partial Regex Words();

    [GeneratedRegex(@"DOMAIN\.md|API\.md|STYLE\.md|§\s*\d+|TODO|FIXME|\bnull\b|\bundefined\b|\bNaN\b|System\.\w+|\{\d+\}|\(form; \d/\d\)|own/police|social-insurance")]
    private static partial Regex DeveloperNote();

    [GeneratedRegex(@"\b\d+[.,]\d+\s*(?:ngày làm việc|ngày|working days?|days?)\b")]
    private static partial Regex FractionOfDays();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
