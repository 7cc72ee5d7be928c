using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Units;

/// <summary>
/// The 2025 reform divided some wards among several new ones (Resolution 1656/NQ-UBTVQH15 for Hà Nội): a unit names
/// every successor with the share it took. Each successor's staff may read the old unit's records; its open work
/// and its figures go to the principal successor alone, so nothing is counted twice.
/// </summary>
public sealed class DividedUnitTests
{
    private const string DaiMoCentre = "001.00.61.H26";
    private const string TuLiem = "000.00.62.H26";
    private const string TuLiemCentre = "001.00.62.H26";
    private const string NewWard = "000.00.64.H26";
    private const string NewCentre = "001.00.64.H26";

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_ward_divided_between_two_is_read_by_both_but_worked_and_counted_by_its_principal_successor(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        var code = await Flow.ReceiveAsync(app, "2.000815", "001090888002");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var period = $"from={today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}&to={today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
        using var neighbour = await app.ClientForAsync("canbo.phuongkhac"); // works at Từ Liêm
        using (var before = await neighbour.GetAsync($"/api/dossiers/{code}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using var adminApi = await app.ClientForAsync("admin");
        async Task<int> ReceivedAsync(string unit) =>
            (await adminApi.GetFromJsonAsync<JsonElement>($"/api/reports/dashboard?unit={unit}&{period}")).GetProperty("totals").GetProperty("received").GetInt32();
        var tuLiemBefore = await ReceivedAsync(TuLiem);

        // A new ward with its centre; Đại Mỗ's centre closes, divided between the new one (principal, 70 %) and Từ Liêm's (30 %).
        using var admin = await Pages.SignedInAsync(app, "admin");
        var from = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (unitCode, name, kind, parent, office) in new[] { (NewWard, "Phường Thử Mới", "Ward", "000.00.00.H26", "false"), (NewCentre, "Trung tâm Phục vụ hành chính công phường Thử Mới", "ServiceCentre", NewWard, "true") })
        {
            using var created = await Pages.PostFormAsync(admin, "/Units/Edit", new()
            {
                ["Input.Code"] = unitCode, ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.ParentCode"] = parent, ["Input.ValidFrom"] = from, ["Input.ReceivesDossiers"] = office,
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        Dictionary<string, string> Divide(string partCode, string partShare) => new()
        {
            ["Input.Code"] = DaiMoCentre, ["Input.Name"] = "Trung tâm Phục vụ hành chính công phường Đại Mỗ", ["Input.Kind"] = "ServiceCentre", ["Input.ParentCode"] = "000.00.61.H26",
            ["Input.ValidFrom"] = "2025-07-01", ["Input.ValidTo"] = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.ReceivesDossiers"] = "true",
            ["Input.SuccessorCode"] = NewCentre, ["Input.SuccessorShare"] = "70", ["Input.Parts[0].Code"] = partCode, ["Input.Parts[0].Share"] = partShare,
        };

        // Shares past 100 % and a unit nobody knows are named on the form; nothing is saved.
        foreach (var (part, share, field) in new[] { (TuLiemCentre, "40", "Input.SuccessorShare"), ("001.00.99.H26", "30", "Input.Parts[0].Code"), (TuLiemCentre, "0", "Input.Parts[0].Share") })
        {
            using var refused = await Pages.PostFormAsync(admin, $"/Units/Edit/{DaiMoCentre}", Divide(part, share));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"data-valmsg-for=\"{field}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MotCua.Features.Units.UnitSuccession>().CountAsync(s => db.Units.Any(u => u.Id == s.PredecessorId && u.Code == DaiMoCentre))));
        using (var divided = await Pages.PostFormAsync(admin, $"/Units/Edit/{DaiMoCentre}", Divide(TuLiemCentre, "30")))
        {
            Assert.Equal(HttpStatusCode.Redirect, divided.StatusCode);
        }

        // The unit's history names both, the principal first.
        var unit = await adminApi.GetFromJsonAsync<JsonElement>($"/api/units/{DaiMoCentre}");
        Assert.Equal(NewCentre, unit.GetProperty("successorCode").GetString());
        Assert.Equal([(NewCentre, 70), (TuLiemCentre, 30)], unit.GetProperty("successors").EnumerateArray().Select(s => (s.GetProperty("code").GetString(), s.GetProperty("sharePercent").GetInt32())).ToList());

        // Từ Liêm's officer now reads the old ward's dossier (its people are now partly theirs), and the read is logged…
        using (var after = await neighbour.GetAsync($"/api/dossiers/{code}"))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        // …but its open work is not in their inbox, and it counts once: at the principal successor, not at Từ Liêm.
        Assert.False(Flow.InboxHas(await Flow.InboxAsync(app, "canbo.phuongkhac"), code));
        Assert.Equal(tuLiemBefore, await ReceivedAsync(TuLiem));
        Assert.Equal(1, await ReceivedAsync(NewWard));
    });

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public Task A_special_zone_is_a_unit_kind_of_its_own(DatabaseProvider provider) => TestApp.RunAsync(provider, async app =>
    {
        using var admin = await Pages.SignedInAsync(app, "admin");
        using (var created = await Pages.PostFormAsync(admin, "/Units/Edit", new()
        {
            ["Input.Code"] = "000.00.65.H26", ["Input.Name"] = "Đặc khu Thử", ["Input.Kind"] = "SpecialZone", ["Input.ParentCode"] = "000.00.00.H26",
            ["Input.ValidFrom"] = "2025-07-01",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var anonymous = app.CreateClient();
        Assert.Equal("SpecialZone", (await anonymous.GetFromJsonAsync<JsonElement>("/api/units/000.00.65.H26")).GetProperty("kind").GetString());
        var page = await (await admin.GetAsync("/Units?all=true")).Content.ReadAsStringAsync();
        Assert.Contains("Đặc khu</span>", page, StringComparison.Ordinal);
    });
}
