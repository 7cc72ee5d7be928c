using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Dossiers;

/// <summary>Every read of an applicant's data through a dossier (API, page, PDF) is in the citizen's access log, once per view.</summary>
public sealed class PersonalDataLogTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Reading_a_dossier_its_receipt_and_its_control_slip_is_logged_with_unit_account_and_purpose(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815", "001090666001");
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

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Lists_that_show_applicants_log_one_entry_per_citizen_shown_and_none_on_a_reload(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var first = await Flow.ReceiveAsync(app, "2.000815", "001090666011");
            var second = await Flow.ReceiveAsync(app, "2.000815", "001090666012");
            async Task<List<AccessLogEntry>> LogAsync(string username) => await app.WithDbAsync(db => db.Set<AccessLogEntry>()
                .Where(a => a.Username == username && (a.DossierCode == first || a.DossierCode == second)).ToListAsync());

            // The log book shows name, address and phone: one entry per dossier's citizen, however often it is opened.
            using var officer = await Pages.SignedInAsync(app, "canbo.trungvan");
            var day = Flow.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Dossiers/LogBook?From={day}&To={day}")).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Dossiers/LogBook?handler=Excel&From={day}&To={day}")).StatusCode);
            var book = await LogAsync("canbo.trungvan");
            Assert.Equal([first, second], book.Where(a => a.What == "log-book").Select(a => a.DossierCode ?? "").Order().ToArray());
            Assert.All(book, a => Assert.NotNull(a.UnitId));

            // The inbox lists the applicants' names: the same, for the specialist who holds the work.
            var inbox = await Flow.InboxAsync(app, "chuyenvien.trungvan");
            Assert.True(Flow.InboxHas(inbox, first) && Flow.InboxHas(inbox, second));
            await Flow.InboxAsync(app, "chuyenvien.trungvan");
            var read = await LogAsync("chuyenvien.trungvan");
            Assert.Equal([first, second], read.Where(a => a.What == "inbox").Select(a => a.DossierCode ?? "").Order().ToArray());

            // Another ward's log book does not list them, so nothing is logged in their name.
            using var other = await Pages.SignedInAsync(app, "canbo.phuongkhac");
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Dossiers/LogBook?From={day}&To={day}")).StatusCode);
            Assert.Empty(await LogAsync("canbo.phuongkhac"));

            // Past the window, a new view is a new read.
            app.Clock.Advance(TimeSpan.FromMinutes(11));
            await Flow.InboxAsync(app, "chuyenvien.trungvan");
            Assert.Equal(4, (await LogAsync("chuyenvien.trungvan")).Count(a => a.What == "inbox"));
        });
    }
}
