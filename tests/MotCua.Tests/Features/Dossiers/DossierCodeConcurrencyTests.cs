using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Features.Dossiers;

public sealed class DossierCodeConcurrencyTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Counters_receiving_at_once_get_unique_gap_free_codes(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var officer = await app.ClientForAsync("canbo.trungvan");
            const int Count = 40;
            var responses = await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
            {
                using var response = await officer.PostAsJsonAsync("/api/dossiers", new
                {
                    procedureCode = "2.000815", channel = "counter", receivedAt = "2026-03-05T09:00:00+07:00",
                    applicant = new { idNumber = $"001090{i:000000}", fullName = $"Người Thứ {i}" },
                });
                Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
            }));
            Assert.Equal(Count, responses.Distinct().Count());
            var sequences = responses.Select(c => int.Parse(c[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(1, Count), sequences);
        });
    }
}
