using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Features.Notifications;
using MotCua.Infrastructure.Database;
using netDumbster.smtp;

namespace MotCua.Tests.Features.Workflow;

/// <summary>The outbox delivered over real SMTP to a local server: nothing lost across a crash, nothing delivered as two messages.</summary>
public sealed class NotificationTests
{
    private static Dictionary<string, string?> Smtp(SimpleSmtpServer server) => new()
    {
        ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = server.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "none", ["Notifications:DispatchEnabled"] = "false",
    };

    private static async Task<int> DispatchAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_message_written_before_a_crash_is_delivered_by_the_next_dispatcher_once(DatabaseProvider provider)
    {
        using var server = SimpleSmtpServer.Start();
        await TestApp.RunAsync(provider, async app =>
        {
            // The acceptance is committed with its messages; the process "dies" before any dispatcher runs.
            var code = await Flow.ReceiveAsync(app, "2.000815", email: "nguyen.an@example.vn");
            Assert.Equal(0, server.ReceivedEmailCount);
            var pending = await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));
            Assert.True(pending >= 3, "e-mail, SMS and in-app are waiting in the outbox");

            // The next dispatcher (any node, after a restart) finds them and delivers each once.
            Assert.Equal(pending, await DispatchAsync(app));
            Assert.Equal(0, await DispatchAsync(app));
            var mail = Assert.Single(server.ReceivedEmail);
            Assert.Contains(code, mail.Subject, StringComparison.Ordinal);
            Assert.Equal("nguyen.an@example.vn", mail.ToAddresses.Single().Address);
            Assert.Contains("tiếp nhận", mail.MessageParts[0].BodyData, StringComparison.Ordinal);
            Assert.True(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.Recipient == "citizen:001090123456")));
        }, Smtp(server));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_dispatcher_dying_after_the_server_accepted_resends_the_same_message_id_after_its_lease(DatabaseProvider provider)
    {
        using var server = SimpleSmtpServer.Start();
        await TestApp.RunAsync(provider, async app =>
        {
            await Flow.ReceiveAsync(app, "2.000815", email: "nguyen.an@example.vn");
            var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Channel == "email"));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                // Deliver as a dispatcher would, then die before recording it: claim, send, no mark.
                var db = scope.ServiceProvider.GetRequiredService<MotCua.Infrastructure.Database.AppDbContext>();
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, app.Clock.GetUtcNow().AddMinutes(2)).SetProperty(m => m.Attempts, 1));
                var sender = scope.ServiceProvider.GetServices<IChannelSender>().Single(s => s.Channel == "email");
                await sender.SendAsync(message, default);
            }

            await DispatchAsync(app); // the lease still holds: nobody else sends it meanwhile
            Assert.Equal(1, server.ReceivedEmailCount);
            app.Clock.Advance(TimeSpan.FromMinutes(3));
            await DispatchAsync(app);
            Assert.Equal(2, server.ReceivedEmailCount);
            var ids = server.ReceivedEmail.Select(m => m.Headers["Message-ID"]).Distinct().ToList();
            Assert.Equal([$"<{SmtpEmailSender.MessageIdOf(message.Id)}>"], ids); // one message to every mail system
            Assert.NotNull(await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == message.Id).Select(m => m.SentAt).SingleAsync()));
        }, Smtp(server));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_refused_delivery_is_retried_later_and_not_lost(DatabaseProvider provider)
    {
        await TestApp.RunAsync(provider, async app =>
        {
            await Flow.ReceiveAsync(app, "2.000815", email: "nguyen.an@example.vn");
            await DispatchAsync(app); // port 1: nothing listens
            var failed = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Channel == "email"));
            Assert.Null(failed.SentAt);
            Assert.NotNull(failed.LastError);
            Assert.True(failed.NextAttemptAt > app.Clock.GetUtcNow());
            Assert.Equal(1, failed.Attempts);
        }, new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = "1", ["Smtp:Security"] = "none", ["Notifications:DispatchEnabled"] = "false" });
    }
}
