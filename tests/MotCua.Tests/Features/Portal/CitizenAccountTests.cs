using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts;
using MotCua.Features.Notifications;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Portal;

/// <summary>Opening a portal account: the code goes only where the store already reaches the citizen.</summary>
public sealed partial class CitizenAccountTests
{
    private static async Task<string> PostAsync(HttpClient browser, string handler, Dictionary<string, string> fields)
    {
        using var response = await Pages.PostFormAsync(browser, "/cong-dan/dang-ky" + handler, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_citizen_known_to_the_store_opens_an_account_with_the_code_sent_to_their_phone_on_record(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            await Flow.ReceiveAsync(app, "2.000815", "001090777777"); // the counter recorded the phone 0912345678
            using var browser = Pages.Browser(app);
            var sent = await PostAsync(browser, "", new() { ["Input.IdNumber"] = "001090777777", ["Input.Password"] = "Matkhau123" });
            Assert.Contains("data-testid=\"code-sent\"", sent, StringComparison.Ordinal);
            var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Key.StartsWith("register/") && m.Channel == "sms").SingleAsync());
            Assert.Equal("0912345678", message.Recipient);
            var code = Digits().Match(message.Body).Value;

            var wrong = await PostAsync(browser, "?handler=Confirm", new() { ["Input.IdNumber"] = "001090777777", ["Code"] = "000000" == code ? "111111" : "000000" });
            Assert.Contains("Mã xác nhận không đúng", wrong, StringComparison.Ordinal);
            using (var early = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { idNumber = "001090777777", password = "Matkhau123" }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, early.StatusCode); // not confirmed yet
            }

            var confirmed = await PostAsync(browser, "?handler=Confirm", new() { ["Input.IdNumber"] = "001090777777", ["Code"] = code });
            Assert.Contains("data-testid=\"registered\"", confirmed, StringComparison.Ordinal);
            using var token = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { idNumber = "001090777777", password = "Matkhau123" });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_number_the_store_cannot_reach_gets_the_same_answer_and_no_account(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var browser = Pages.Browser(app);
            var sent = await PostAsync(browser, "", new() { ["Input.IdNumber"] = "001090888888", ["Input.Password"] = "Matkhau123" });
            Assert.Contains("data-testid=\"code-sent\"", sent, StringComparison.Ordinal);
            Assert.False(await app.WithDbAsync(db => db.Set<Account>().AnyAsync(a => a.UserName == "001090888888")));
            Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Key.StartsWith("register/"))));

            // An account already open is not reset by someone asking again.
            var again = await PostAsync(browser, "", new() { ["Input.IdNumber"] = "001090123456", ["Input.Password"] = "Khac12345" });
            Assert.Contains("data-testid=\"code-sent\"", again, StringComparison.Ordinal);
            using var token = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { idNumber = "001090123456", password = TestApp.Password });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_national_sign_in_starts_at_the_sandbox_and_an_unreachable_provider_gets_a_plain_page_not_an_error(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var browser = Pages.Browser(app);
            using var challenge = await browser.GetAsync("/cong-dan/dinh-danh?returnUrl=/cong-dan");
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            var to = challenge.Headers.Location!;
            Assert.Equal("/sandbox/vneid/authorize", to.AbsolutePath);
            Assert.Contains("code_challenge_method=S256", to.Query, StringComparison.Ordinal);
            Assert.Contains("nonce=", to.Query, StringComparison.Ordinal);
            Assert.Contains("state=", to.Query, StringComparison.Ordinal);
        });

        await TestApp.RunAsync(provider, async app =>
        {
            using var browser = Pages.Browser(app);
            using var challenge = await browser.GetAsync("/cong-dan/dinh-danh");
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            Assert.Equal("/cong-dan/dang-nhap?national=failed", challenge.Headers.Location!.ToString());
        }, new Dictionary<string, string?> { ["NationalIdentity:Authority"] = "http://127.0.0.1:9/nowhere" });
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Digits();
}
