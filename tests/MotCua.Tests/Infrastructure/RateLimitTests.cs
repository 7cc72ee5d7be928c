using System.Net;
using MotCua.Infrastructure.Database;

namespace MotCua.Tests.Infrastructure;

public sealed class RateLimitTests
{
    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Public_endpoint_beyond_the_limit_answers_429_with_retry_after(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            using var client = app.CreateClient();
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/offices")).StatusCode);
            }

            using var limited = await client.GetAsync("/api/offices");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.True(limited.Headers.RetryAfter is not null, "Retry-After header");
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }, new Dictionary<string, string?> { ["RateLimiting:PublicPerMinute"] = "5" });
    }
}
