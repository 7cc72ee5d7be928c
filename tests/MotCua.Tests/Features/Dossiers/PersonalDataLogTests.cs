using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Dossiers;

/// <summary>Every read of an applicant's data through a dossier (API, page, PDF) is in the citizen's access log, once per view.</summary>
public sealed class PersonalDataLogTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Reading_a_dossier_its_receipt_and_its_control_slip_is_logged_with_unit_account_and_purpose(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000908", "001090666001");
            async Task<List<AccessLogEntry>> LogAsync() => await app.WithDbAsync(db => db.Set<AccessLogEntry>()
                .Where(a => a.DossierCode == code && a.Username == "chuyenvien.trungvan").OrderBy(a => a.What).ToListAsync());
            Assert.Empty(await LogAsync());

            using var specialist = await app.ClientForAsync("chuyenvien.trungvan");
            Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/dossiers/{code}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/dossiers/{code}")).StatusCode); // a reload
            Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/dossiers/{code}/receipt.pdf")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/dossiers/{code}/control-slip.pdf")).StatusCode);
            using var page = await Pages.SignedInAsync(app, "chuyenvien.trungvan");
            Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/Workflow/ControlSlip/{code}")).StatusCode);

            var log = await LogAsync();
            Assert.Equal(["control-slip", "dossier", "receipt"], log.Select(a => a.What).ToArray());
            Assert.All(log, a => Assert.Contains(code, a.Purpose, StringComparison.Ordinal));
            Assert.All(log, a => Assert.NotNull(a.UnitId));
            Assert.All(log, a => Assert.NotNull(a.AccountId));

            // Another ward's officer finds nothing, and nothing is logged for them.
            using var other = await app.ClientForAsync("canbo.phuongkhac");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/dossiers/{code}")).StatusCode);
            Assert.False(await app.WithDbAsync(db => db.Set<AccessLogEntry>().AnyAsync(a => a.Username == "canbo.phuongkhac")));
        });
    }
}
