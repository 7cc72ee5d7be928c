using System.Net;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Portal;

/// <summary>The portal's pages as a browser without JavaScript drives them.</summary>
public sealed class PortalPageTests
{
    private const string An = "001090123456";

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_procedure_with_conditions_asks_before_the_form_and_a_no_stops_with_advice(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var browser = await Pages.SignedInAsync(app, An);
            const string marriage = "/cong-dan/nop/1.000894";

            var check = await browser.GetStringAsync(marriage);
            Assert.Contains("data-testid=\"conditions\"", check, StringComparison.Ordinal);
            Assert.Contains("Luật Hôn nhân và gia đình 2014", check, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"office\"", check, StringComparison.Ordinal);

            // Neither answer: the question again, with what to do.
            var unanswered = await browser.GetStringAsync(marriage + "?suitable=");
            Assert.Contains("id=\"suitable_error\"", unanswered, StringComparison.Ordinal);

            var no = await browser.GetStringAsync(marriage + "?suitable=no");
            Assert.Contains("data-testid=\"not-suitable\"", no, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"office\"", no, StringComparison.Ordinal);

            var yes = await browser.GetStringAsync(marriage + "?suitable=yes");
            Assert.Contains("name=\"office\"", yes, StringComparison.Ordinal);
            Assert.Contains("name=\"suitable\" value=\"yes\"", yes, StringComparison.Ordinal);

            // The form cannot be posted around the question.
            using var around = await Pages.PostFormAsync(browser, marriage + "?office=001.00.61.H26", new() { ["office"] = "001.00.61.H26", ["a:applicant.fullName"] = "Nguyễn Văn An" });
            Assert.Equal(HttpStatusCode.Redirect, around.StatusCode);
            Assert.Equal(marriage, around.Headers.Location!.ToString());

            // A procedure without conditions goes straight to the office.
            Assert.Contains("name=\"office\"", await browser.GetStringAsync("/cong-dan/nop/2.000815"), StringComparison.Ordinal);
        });
    }
}
