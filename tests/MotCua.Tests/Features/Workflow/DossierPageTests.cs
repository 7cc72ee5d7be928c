using System.Text.RegularExpressions;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Workflow;

/// <summary>The dossier page offers the likeliest action first and shows each action's own fields only.</summary>
public sealed partial class DossierPageTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_leader_at_the_signing_step_is_offered_approve_first_and_never_send_back(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090400021");
        await Flow.ActAsync(app, "chuyenvien.trungvan", code, "forward");
        using var leader = await Pages.SignedInAsync(app, "lanhdao.trungvan");
        var page = await leader.GetStringAsync($"/Workflow/Dossier/{code}");

        var offered = ActionSelect().Match(page).Groups[1].Value;
        var actions = Options().Matches(offered).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("approve", actions[0]);
        Assert.Contains("sendBack", actions);
        Assert.Equal("sendBack", actions[actions.IndexOf("refuse") - 1]); // set apart, after the actions that move the dossier on
        Assert.Contains("data-for=\"sendBack\"", page, StringComparison.Ordinal); // its step list shows only when sending back
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task Consulting_picks_the_agency_by_name_from_a_list_of_the_agencies_in_force(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090400022");
        using var specialist = await Pages.SignedInAsync(app, "chuyenvien.trungvan");
        var url = $"/Workflow/Dossier/{code}";
        var page = await specialist.GetStringAsync(url);

        var agencies = AgencySelect().Match(page).Groups[1].Value;
        Assert.Contains(">Sở Tư pháp thành phố Hà Nội</option>", agencies, StringComparison.Ordinal);
        Assert.Contains(">Công an phường Đại Mỗ</option>", agencies, StringComparison.Ordinal);
        Assert.DoesNotContain("Trung tâm Phục vụ hành chính công", agencies, StringComparison.Ordinal); // offices receive, they are not consulted
        Assert.DoesNotContain("000.00.31.H26<", agencies, StringComparison.Ordinal); // named, not coded

        var version = Regex.Match(page, "name=\"expectedVersion\" value=\"(\\d+)\"").Groups[1].Value;
        using var posted = await Pages.PostFormAsync(specialist, url, new()
        {
            ["action"] = "consult", ["agency"] = "000.00.31.H26", ["workingDays"] = "2", ["note"] = "Xin xác nhận bản chính", ["expectedVersion"] = version,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(Flow.InboxHas(await Flow.InboxAsync(app, "chuyenvien.sotuphap", "filter=consultations"), code)); // the agency picked is asked
    });

    [GeneratedRegex("<select id=\"agency\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex AgencySelect();

    [GeneratedRegex("<select id=\"action\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex ActionSelect();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex Options();
}
