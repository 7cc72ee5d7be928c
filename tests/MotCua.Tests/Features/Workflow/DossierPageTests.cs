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

    [GeneratedRegex("<select id=\"action\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex ActionSelect();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex Options();
}
