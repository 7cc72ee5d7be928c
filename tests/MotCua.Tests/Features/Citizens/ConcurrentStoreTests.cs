using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens;
using MotCua.Features.Documents;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Builders;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Citizens;

/// <summary>
/// Counters writing the same citizen, organisation or file at the same moment: every request succeeds and the store
/// keeps one row. PostgreSQL runs the writers truly at once (SQLite serialises them), so this is where a
/// read-then-insert would fail on a unique index.
/// </summary>
public sealed class ConcurrentStoreTests
{
    private const int Counters = 5;
    private static readonly string[] Rounds = ["new", "known"];

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Counters_receiving_at_once_for_the_same_new_or_known_citizen_all_succeed(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            foreach (var round in Rounds)
            {
                var clients = await Task.WhenAll(Enumerable.Range(0, Counters).Select(_ => app.ClientForAsync("canbo.trungvan")));
                var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/dossiers", new
                {
                    procedureCode = "2.000815", channel = "counter",
                    applicant = new { idNumber = "001090888001", fullName = "Vương Thị Lan", phone = "0913 888 001", address = $"Số {round} phố Trung Văn" },
                })));
                foreach (var response in responses)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Created, $"{round}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }

            Assert.Equal(1, await app.WithDbAsync(db => db.Set<Citizen>().CountAsync(c => c.IdNumber == "001090888001")));
            Assert.Equal(1, await app.WithDbAsync(db => db.Set<CitizenUnitLink>().CountAsync(l => l.DossierCode != null && db.Set<Citizen>().Any(c => c.Id == l.CitizenId && c.IdNumber == "001090888001"))));
            Assert.Equal(2 * Counters, await app.WithDbAsync(db => db.Set<MotCua.Features.Dossiers.Dossier>().CountAsync(d => d.ApplicantIdNumber == "001090888001")));
        });
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Counters_adding_the_same_organisation_or_the_same_file_at_once_all_succeed(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            await Flow.ReceiveAsync(app, "2.000815", "001090888002");
            var officers = await Task.WhenAll(Enumerable.Range(0, Counters).Select(_ => app.ClientForAsync("canbo.trungvan")));
            var organisations = await Task.WhenAll(officers.Select((c, i) => c.PostAsJsonAsync("/api/organisations", new { taxCode = "0100109106", name = "Công ty TNHH Lan Anh", phone = $"024 3888 00{i}" })));
            Assert.All(organisations, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

            // A scanned PDF is kept as it is, so the five uploads are the same file (PNGs become a new PDF each time).
            var scan = TestImages.PdfWithImage(TestImages.QrPng("bản sao giấy khai sinh", 4));
            var uploads = await Task.WhenAll(officers.Select(c =>
            {
                var form = new MultipartFormDataContent { { new StringContent("giay-khai-sinh"), "documentType" }, { new ByteArrayContent(scan), "files", "khai-sinh.pdf" } };
                return c.PostAsync("/api/citizens/001090888002/documents", form);
            }));
            foreach (var upload in uploads)
            {
                Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
            }

            Assert.Equal(1, await app.WithDbAsync(db => db.Set<Organisation>().CountAsync(o => o.TaxCode == "0100109106")));
            Assert.Equal(1, await app.WithDbAsync(db => db.Set<StoredFile>().CountAsync()));
            Assert.Equal(Counters, await app.WithDbAsync(db => db.Set<Document>().CountAsync()));
            foreach (var officer in officers)
            {
                officer.Dispose();
            }
        });
    }
}
