using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Tests.Infrastructure;

/// <summary>
/// Every word of the interface exists in Vietnamese and English, and an English page or error shows no
/// Vietnamese but the data it displays (names of people, units and procedures, as stored).
/// </summary>
public sealed partial class LanguageTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string Resources = Path.Combine(TestApp.RepoRoot(), "src", "MotCua", "Resources");

    /// <summary>What the English interface may show in Vietnamese on purpose: the link back to Vietnamese.</summary>
    private static readonly string[] Allowed = ["Tiếng Việt"];

    /// <summary>English texts that quote Vietnamese on purpose: what an ID card says ("Nam", "Nữ"), a proper name (Hà Nội).</summary>
    private static readonly string[] QuotingKeys = ["IdCard.Sex", "Units.CodeHelp"];

    private static readonly string[] ProblemParts = ["title", "detail", "errors"];

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Every_text_exists_in_both_languages_with_the_same_placeholders()
    {
        var vi = Texts("SharedResource.resx");
        var en = Texts("SharedResource.en.resx");
        Assert.Empty(vi.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(vi.Keys));
        var differ = vi.Where(p => !Placeholders(p.Value).SetEquals(Placeholders(en[p.Key]))).Select(p => p.Key).ToList();
        Assert.True(differ.Count == 0, "Placeholders differ: " + string.Join(", ", differ));
        var untranslated = en.Where(p => Vietnamese().IsMatch(p.Value) && !Allowed.Contains(p.Value) && !QuotingKeys.Contains(p.Key)).Select(p => $"{p.Key}: {p.Value}").ToList();
        Assert.True(untranslated.Count == 0, "English texts in Vietnamese:\n" + string.Join('\n', untranslated));
    }

    [Fact]
    public void Every_text_the_code_names_exists()
    {
        var known = Texts("SharedResource.resx").Keys.ToHashSet();
        var source = Path.Combine(TestApp.RepoRoot(), "src", "MotCua");
        var named = Directory.EnumerateFiles(source, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => NamedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains("Workflow.NoteRequired", named); // the scan finds the calls at all
        Assert.Empty(named.Except(known));
    }

    [Fact]
    public async Task English_errors_are_in_English()
    {
        var data = await StoredTextAsync(); // an error may name a step or an office: data
        using var officer = await app.ClientForAsync("canbo.trungvan");
        officer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9"); // scripts say it in the header; the query works too
        using var anonymous = app.CreateClient();
        var code = await Features.Workflow.Flow.ReceiveAsync(app, "2.000815", "001090400001");
        var failures = new List<string>();
        async Task CheckAsync(string what, Func<Task<HttpResponseMessage>> send)
        {
            using var response = await send();
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{what}: {(int)response.StatusCode}, expected an error");
                return;
            }

            // What the problem says (a 409 carries the fresh dossier too: data, in Vietnamese).
            var said = ProblemParts.Select(p => body.TryGetProperty(p, out var v) ? v.ToString() : "").ToList();
            if (said.All(t => t.Length == 0) || said.Any(t => Vietnamese().IsMatch(t) && !IsData(System.Text.RegularExpressions.Regex.Unescape(t), data)))
            {
                failures.Add($"{what}: {string.Join(" | ", said)}");
            }
        }

        await CheckAsync("intake, empty", () => officer.PostAsJsonAsync("/api/dossiers", new { }));
        await CheckAsync("intake, bad applicant", () => officer.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = "2.000815", channel = "counter", applicant = new { idNumber = "12", fullName = "", phone = "abc", email = "not-an-address" },
        }));
        await CheckAsync("action, unknown", () => officer.PostAsJsonAsync($"/api/dossiers/{code}/actions?culture=en-US", new { action = "fly", expectedVersion = 1 }));
        await CheckAsync("action, stale", () => officer.PostAsJsonAsync($"/api/dossiers/{code}/actions?culture=en-US", new { action = "forward", expectedVersion = 99 }));
        var version = (await Features.Workflow.Flow.GetAsync(app, code)).GetProperty("version").GetInt32();
        await CheckAsync("action, not the caller's", () => officer.PostAsJsonAsync($"/api/dossiers/{code}/actions?culture=en-US", new { action = "approve", expectedVersion = version }));
        await CheckAsync("action, no note", () => officer.PostAsJsonAsync($"/api/dossiers/{code}/actions?culture=en-US", new { action = "refuse", expectedVersion = version }));
        await CheckAsync("due date", () => anonymous.GetAsync("/api/calendar/due-date?culture=en-US&receivedAt=yesterday&workingDays=400"));
        await CheckAsync("sign-in", () => anonymous.PostAsJsonAsync("/api/auth/token?culture=en-US", new { username = "canbo.trungvan", password = "wrong" }));
        await CheckAsync("evaluation", () => anonymous.PostAsJsonAsync("/api/evaluations?culture=en-US", new { dossierCode = code, kind = "dossier", rating = 9 }));
        await CheckAsync("report period", () => officer.GetAsync("/api/reports/dashboard?culture=en-US&unit=000.00.61.H26&from=2027-03-05&to=2027-03-01"));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task English_pages_show_no_Vietnamese_but_their_data()
    {
        var data = await StoredTextAsync();
        var code = await Features.Workflow.Flow.ReceiveAsync(app, "1.004873", "001090400002");
        await Features.Workflow.Flow.ActAsync(app, "canbo.trungvan", code, "forward"); // a hand-over on the control slip
        data.UnionWith(await StoredTextAsync()); // the new dossier's history
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>()
            .Select(p => p.AttributeRouteInfo?.Template ?? "").Where(t => !t.Contains('{', StringComparison.Ordinal) && !t.StartsWith("Error", StringComparison.Ordinal))
            .Select(t => "/" + t).Distinct().Append($"/Workflow/Dossier/{code}").Append($"/Dossiers/Receipt/{code}").Append($"/Workflow/ControlSlip/{code}").Append($"/Payments/Dossier/{code}").ToList();
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        pages.AddRange(["/cong-dan/nop/2.000815", "/cong-dan/nop/2.000815?office=001.00.61.H26", "/cong-dan/nop/1.000894", "/cong-dan/nop/1.000894?suitable=no"]); // the citizen's form, before and after choosing the office
        foreach (var user in new[] { "canbo.trungvan", "chuyenvien.trungvan", "lanhdao.trungvan", "admin", "001090123456" })
        {
            using var browser = await Pages.SignedInAsync(app, user);
            browser.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
            foreach (var page in pages)
            {
                using var response = await browser.GetAsync(page);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue; // not this user's page, or not a page (a file)
                }

                seen.Add(page);
                foreach (var text in VisibleText(await response.Content.ReadAsStringAsync()).Where(t => !IsData(t, data)).Distinct())
                {
                    failures.Add($"{page} ({user}): {text}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Vietnamese on English pages:\n" + string.Join('\n', failures.Distinct()));
        string[] dossierPages = [$"/Workflow/Dossier/{code}", $"/Payments/Dossier/{code}", $"/Dossiers/Receipt/{code}", $"/Workflow/ControlSlip/{code}", "/Intake", "/Queue", "/Reports", "/cong-dan", "/cong-dan/nop/2.000815?office=001.00.61.H26"];
        Assert.Empty(dossierPages.Except(seen)); // the pages that matter were read, not skipped
        Assert.True(seen.Count >= 20, $"only {seen.Count} pages were read");
    }

    /// <summary>A form refused (the dossier changed meanwhile, a bad QR line, a number nobody holds, a result for nobody) comes back in English too.</summary>
    [Fact]
    public async Task English_pages_after_a_refused_form_show_no_Vietnamese_but_their_data()
    {
        var code = await Features.Workflow.Flow.ReceiveAsync(app, "2.000815", "001090400003");
        var data = await StoredTextAsync();
        using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
        officer.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var failures = new List<string>();
        async Task CheckAsync(string what, string url, Dictionary<string, string> fields, HttpStatusCode expected)
        {
            using var response = await Pages.PostFormAsync(officer, url, fields);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected || !html.Contains("role=\"alert\"", StringComparison.Ordinal))
            {
                failures.Add($"{what}: {(int)response.StatusCode}, expected {(int)expected} with the refusal shown");
            }

            failures.AddRange(VisibleText(html).Where(t => !IsData(t, data)).Distinct().Select(t => $"{what}: {t}"));
        }

        await CheckAsync("stale action", $"/Workflow/Dossier/{code}", new() { ["action"] = "forward", ["expectedVersion"] = "99" }, HttpStatusCode.Conflict);
        await CheckAsync("action without its note", $"/Workflow/Dossier/{code}", new() { ["action"] = "refuse", ["expectedVersion"] = "1" }, HttpStatusCode.BadRequest);
        await CheckAsync("bad ID card QR", "/Intake?handler=Scan", new() { ["qr"] = "not a card" }, HttpStatusCode.OK);
        using var api = await app.ClientForAsync("canbo.trungvan");
        var counter = (await api.GetFromJsonAsync<JsonElement>("/api/queue/counters?office=001.00.61.H26")).GetProperty("items")[0].GetProperty("id").GetString();
        await CheckAsync("a number nobody holds", $"/Queue?handler=Call&counter={counter}", new() { ["number"] = "Z999" }, HttpStatusCode.OK);
        await CheckAsync("result not ready", $"/Dossiers/Return?code={code}", new() { ["expectedVersion"] = "1", ["receivedBy"] = "Nguyễn Văn An" }, HttpStatusCode.OK);
        Assert.True(failures.Count == 0, "After a refused form:\n" + string.Join('\n', failures));
    }

    /// <summary>A Vietnamese fragment is data when it is (part of) a stored value, or made only of stored values.</summary>
    private static bool IsData(string text, HashSet<string> data)
    {
        if (Allowed.Contains(text) || data.Contains(text))
        {
            return true;
        }

        var rest = text;
        foreach (var value in data.Where(d => d.Length > 1 && text.Contains(d, StringComparison.Ordinal)).OrderByDescending(d => d.Length))
        {
            rest = rest.Replace(value, " ", StringComparison.Ordinal);
        }

        return !Vietnamese().IsMatch(rest);
    }

    /// <summary>Every text value stored in the database (names, titles, histories, JSON documents), to tell data from interface.</summary>
    private Task<HashSet<string>> StoredTextAsync() => app.WithDbAsync(async db =>
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.type = 'TEXT'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL LIMIT 20000";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                AddData(values, reader.GetString(0));
            }
        }

        // Reference data shipped with the app (catalog fields, form sets, holidays): official names, as data.
        var assembly = typeof(Program).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            AddData(values, await new StreamReader(stream).ReadToEndAsync());
        }

        return values;
    });

    private static void AddData(HashSet<string> values, string value)
    {
        if (value.StartsWith('[') || value.StartsWith('{'))
        {
            foreach (Match m in JsonStrings().Matches(value))
            {
                AddData(values, Regex.Unescape(m.Groups[1].Value));
            }
        }
        else if (Vietnamese().IsMatch(value))
        {
            values.Add(value);
        }
    }

    /// <summary>The text a person sees: text between tags and the attributes read out or shown, outside scripts and styles, with Vietnamese in it.</summary>
    private static IEnumerable<string> VisibleText(string html)
    {
        html = Scripts().Replace(html, " ");
        var attributes = ShownAttributes().Matches(html).Select(m => m.Groups[2].Value);
        var texts = Tags().Replace(html, "\n").Split('\n');
        return attributes.Concat(texts).Select(t => WebUtility.HtmlDecode(t).Trim()).Where(t => t.Length > 0 && Vietnamese().IsMatch(t));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>Letters only Vietnamese writes (× and ÷ are in the same block but not letters).</summary>
    [GeneratedRegex("[À-ÖØ-öø-ỹ]")]
    private static partial Regex Vietnamese();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""(?:Texts\.Get\(|L\[|ErrorMessage = )"([A-Za-z][\w.]*)"[\],)]""")]
    private static partial Regex NamedText();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex JsonStrings();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s(title|aria-label|placeholder|alt)=\"([^\"]*)\"")]
    private static partial Regex ShownAttributes();
}
