using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Citizens;
using MotCua.Infrastructure.Database;
using MotCua.Tests.Builders;
using MotCua.Tests.Features.Workflow;

namespace MotCua.Tests.Features.Citizens;

/// <summary>A unit's business with a citizen comes only from a dossier it holds; writing to the store never opens it.</summary>
public sealed class RecordAccessTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Uploading_a_document_does_not_open_another_wards_citizen(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            app.Clock.SetUtcNow(Flow.Monday);
            var code = await Flow.ReceiveAsync(app, "2.000815", "001090555001");
            using var other = await app.ClientForAsync("canbo.phuongkhac");
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/citizens/001090555001")).StatusCode);

            using (var form = new MultipartFormDataContent { { new StringContent("giay-khai-sinh"), "documentType" }, { new ByteArrayContent(TestImages.QrPng("x", 4)), "files", "x.png" } })
            using (var upload = await other.PostAsync("/api/citizens/001090555001/documents", form))
            {
                Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/citizens/001090555001")).StatusCode);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<CitizenUnitLink>().CountAsync(l => l.Reason.Contains("Số hoá"))));

            // The ward that holds the dossier opens the record, and the log names that dossier as the reason.
            using var officer = await app.ClientForAsync("canbo.trungvan");
            var record = await officer.GetFromJsonAsync<JsonElement>("/api/citizens/001090555001");
            var entry = record.GetProperty("accessLog").EnumerateArray().First();
            Assert.Contains(code, entry.GetProperty("purpose").GetString(), StringComparison.Ordinal);
            Assert.Equal(code, entry.GetProperty("dossierCode").GetString());

            // With a stated purpose the other ward may add a document; the log keeps the purpose, and it gives no business.
            using (var form = new MultipartFormDataContent
            {
                { new StringContent("giay-khai-sinh"), "documentType" }, { new StringContent("Công dân nộp hồ sơ tại phường Từ Liêm"), "purpose" },
                { new ByteArrayContent(TestImages.QrPng("x", 4)), "files", "x.png" },
            })
            using (var upload = await other.PostAsync("/api/citizens/001090555001/documents", form))
            {
                Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/citizens/001090555001")).StatusCode);
            Assert.True(await app.WithDbAsync(db => db.Set<AccessLogEntry>().AnyAsync(a => a.Username == "canbo.phuongkhac" && a.Purpose == "Công dân nộp hồ sơ tại phường Từ Liêm")));
        });
    }
}
