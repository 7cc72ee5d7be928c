using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Dossiers;

/// <summary>Public tracking needs the dossier's key as well as its code; guessing codes of a day finds nothing and is slowed.</summary>
public sealed class TrackingKeyTests
{
    /// <summary>Who handled the dossier, their note and the applicant's ID number: never on the public page.</summary>
    private static readonly string[] Secrets = ["Nguyễn Thị Minh Thu", "canbo.trungvan", "Ghi chú nội bộ", "001090123460"];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task Tracking_shows_the_due_time_and_what_happened_but_not_who_or_their_notes(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        app.Clock.SetUtcNow(Flow.Monday);
        var code = await Flow.ReceiveAsync(app, "1.004873", "001090123460");
        await Flow.ActAsync(app, "canbo.trungvan", code, "forward", new { note = "Ghi chú nội bộ: đã gọi điện cho bên A" });
        var dossier = await Flow.GetAsync(app, code);
        var key = dossier.GetProperty("trackingKey").GetString()!;
        var due = Flow.Vn(dossier, "dueAt");
        using var anonymous = app.CreateClient();

        var page = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/tra-cuu/{code}?key={key}"));
        Assert.Contains($"Hẹn trả kết quả</dt><dd data-testid=\"due\">{due:HH:mm dd/MM/yyyy}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ được tiếp nhận.", page, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ được chuyển sang bước: ", page, StringComparison.Ordinal);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }

        var api = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/dossiers/{code}?key={key}");
        Assert.Equal("receive forward", string.Join(' ', api.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString())));
        Assert.DoesNotContain("Ghi chú", api.GetRawText(), StringComparison.Ordinal);
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Codes_of_a_day_cannot_be_walked_without_their_keys(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var codes = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                codes.Add(await Flow.ReceiveAsync(app, "2.000815", $"00109012345{i}"));
            }

            var key = (await Flow.GetAsync(app, codes[0])).GetProperty("trackingKey").GetString()!;
            Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", key);
            using var anonymous = app.CreateClient();

            // The right key, as the QR code carries it or as typed (any case, without the dash): found.
            foreach (var typed in new[] { key, key.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) })
            {
                using var found = await anonymous.GetAsync($"/api/public/dossiers/{codes[0]}?key={Uri.EscapeDataString(typed)}");
                Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            }

            // Code alone, or another dossier's key: 404, and the page asks for the key.
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/dossiers/{codes[1]}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/public/dossiers/{codes[1]}?key={key}")).StatusCode);
            var page = await anonymous.GetStringAsync($"/tra-cuu/{codes[1]}");
            Assert.DoesNotContain("data-testid=\"tracking\"", page, StringComparison.Ordinal);
            Assert.Contains("name=\"key\"", page, StringComparison.Ordinal);

            // Guessing on: after a few failures the client must wait, with Retry-After, even for a right key.
            HttpStatusCode last = HttpStatusCode.NotFound;
            for (var guess = 0; guess < 12 && last == HttpStatusCode.NotFound; guess++)
            {
                using var response = await anonymous.GetAsync($"/api/public/dossiers/{codes[2]}?key=ABCDE-FGH{guess % 10 + 2}K");
                last = response.StatusCode;
                if (last == HttpStatusCode.TooManyRequests)
                {
                    Assert.NotNull(response.Headers.RetryAfter);
                }
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, last);
            using (var blocked = await anonymous.GetAsync($"/api/public/dossiers/{codes[0]}?key={key}"))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
            }

            app.Clock.Advance(TimeSpan.FromMinutes(16));
            using var later = await anonymous.GetAsync($"/api/public/dossiers/{codes[0]}?key={key}");
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_receipt_prints_the_key_and_its_QR_link_carries_it(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815");
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var key = (await officer.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}")).GetProperty("trackingKey").GetString()!;
            var text = Flow.PdfText(await officer.GetByteArrayAsync($"/api/dossiers/{code}/receipt.pdf"));
            Assert.Contains(key, text, StringComparison.Ordinal);
            Assert.Contains($"?key={key}", text, StringComparison.Ordinal);
        });
    }
}
