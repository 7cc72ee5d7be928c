using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Notifications;

public sealed record NotificationView(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);

public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddScoped<IChannelSender, SmtpEmailSender>();
        services.AddScoped<IChannelSender, DevelopmentSmsSink>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<IOperationalFigures, OutboxFigures>();
        services.AddScoped<Contracts.CitizenMessages>();
        services.AddRecurringJob<OutboxJob>(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        api.MapGet("/", Mine).WithSummary("The caller's in-app notifications, newest first");
        api.MapPost("/{id:guid}/read", Read).WithSummary("Marks one of the caller's notifications read");
        return app;
    }

    /// <summary>The in-app recipient name of a signed-in staff member.</summary>
    public static string StaffRecipient(string? username) => "staff:" + username;

    internal static Task<List<NotificationView>> ForAsync(AppDbContext db, string recipient, int take, CancellationToken ct) =>
        db.Set<Notification>().AsNoTracking().Where(n => n.Recipient == recipient).OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);

    private static async Task<Ok<List<NotificationView>>> Mine(System.Security.Claims.ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ForAsync(db, StaffRecipient(user.Identity?.Name), 100, ct));

    private static async Task<Results<NoContent, NotFound>> Read(Guid id, System.Security.Claims.ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var recipient = StaffRecipient(user.Identity?.Name);
        var changed = await db.Set<Notification>().Where(n => n.Id == id && n.Recipient == recipient)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        return changed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
