using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Tests.Features.Workflow;

/// <summary>Drives dossiers through the public API as the demo officers would.</summary>
public static class Flow
{
    /// <summary>A working Monday morning (Vietnam time) well clear of holidays, for deadline arithmetic.</summary>
    public static readonly DateTimeOffset Monday = At(2027, 3, 1, 9);

    /// <summary>An instant given in Vietnam time, as the clock holds it (UTC).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour) => new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static async Task<string> ReceiveAsync(TestApp app, string procedure, string idNumber = "001090123456", string officer = "canbo.trungvan", string? email = "an@example.vn")
    {
        using var client = await app.ClientForAsync(officer);
        using var response = await client.PostAsJsonAsync("/api/dossiers", new
        {
            procedureCode = procedure, channel = "counter",
            applicant = new { idNumber, fullName = "Nguyễn Văn An", email, phone = "0912345678" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(TestApp app, string code, string user = "canbo.trungvan")
    {
        using var client = await app.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}");
    }

    /// <summary>Takes the action at the dossier's current version; returns the response (the caller checks its status).</summary>
    public static async Task<HttpResponseMessage> TryAsync(TestApp app, string user, string code, string action, object? extra = null, int? version = null)
    {
        using var client = await app.ClientForAsync(user);
        var current = version ?? (await GetAsync(app, code, user)).GetProperty("version").GetInt32();
        var body = JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject();
        body["action"] = action;
        body["expectedVersion"] = current;
        return await client.PostAsJsonAsync($"/api/dossiers/{code}/actions", body);
    }

    /// <summary>Takes the action and insists it succeeds; returns the dossier after it.</summary>
    public static async Task<JsonElement> ActAsync(TestApp app, string user, string code, string action, object? extra = null)
    {
        using var response = await TryAsync(app, user, code, action, extra);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {action} on {code}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ProgressAsync(TestApp app, string code, string user = "canbo.trungvan")
    {
        using var client = await app.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}/progress");
    }

    public static async Task<JsonElement> InboxAsync(TestApp app, string user, string query = "")
    {
        using var client = await app.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>($"/api/inbox?{query}");
    }

    public static bool InboxHas(JsonElement inbox, string code) =>
        inbox.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("code").GetString() == code);

    /// <summary>A same-day dossier of the demo ward from its handler to a result ready at the counter.</summary>
    public static async Task ToResultReadyAsync(TestApp app, string code)
    {
        await ActAsync(app, "chuyenvien.trungvan", code, "forward");
        await ActAsync(app, "lanhdao.trungvan", code, "approve");
    }

    public static DateTimeOffset Vn(JsonElement e, string property) => e.GetProperty(property).GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7));

    /// <summary>One pass of the deadline sweeper, as its recurring job runs it.</summary>
    public static async Task<MotCua.Features.Workflow.SweepResult> SweepAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Features.Workflow.DeadlineSweeper>().SweepAsync();
    }

    /// <summary>A PDF's words, as a reader would copy them (NFC, single spaces).</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormC);
    }
}
