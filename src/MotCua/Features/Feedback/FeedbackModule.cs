using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Feedback.Contracts;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Feedback;

/// <summary>What the citizen-facing screen asks about, with the token that lets it send that one rating.</summary>
public sealed record CounterPrompt(string DossierCode, string ProcedureName, string Token);

public static class FeedbackModule
{
    public static IServiceCollection AddFeedbackModule(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section);
        services.AddScoped<Evaluations>();
        services.AddScoped<EvaluationFacts>();
        services.AddSingleton<CounterRatingTokens>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluations").WithTags("Evaluations");
        api.MapPost("/", Submit).AllowAnonymous().RequireRateLimiting("public")
            .WithSummary("A citizen's evaluation of a dossier: the press at the counter (1–4) or the 9 criteria after the result (201; 200 when changing one)");
        // The citizen-facing screen is a page signed in with the officer's cookie; API clients use their token.
        api.MapGet("/counter-prompt", Prompt)
            .RequireAuthorization(new AuthorizeAttribute { Policy = Policies.Staff, AuthenticationSchemes = $"{IdentityConstants.ApplicationScheme},{IdentityConstants.BearerScheme}" })
            .WithSummary("The transaction the caller's citizen-facing screen should ask about now, with its one-transaction token (204 when none): the one named, or the last one the caller finished, unrated");
        return app;
    }

    private static async Task<Results<Created<EvaluationView>, Ok<EvaluationView>, ProblemHttpResult>> Submit(
        EvaluationRequest request, Evaluations evaluations, CancellationToken ct) =>
        await evaluations.SubmitAsync(request, ct) switch
        {
            { Value: { Created: true } saved } => TypedResults.Created($"/api/evaluations/{saved.Evaluation.Id}", saved.Evaluation),
            { Value: { } saved } => TypedResults.Ok(saved.Evaluation),
            var failed => failed.Failure!.ToProblem(),
        };

    /// <summary>
    /// What the officer's citizen-facing screen asks about after a reconnect or a reload: the dossier the officer
    /// received at the counter most recently (a return is asked about when it happens), within <see cref="FeedbackOptions.CounterPromptFor"/>, if
    /// it has no counter evaluation yet. The answer never says how anyone rated.
    /// </summary>
    private static async Task<Results<Ok<CounterPrompt>, NoContent>> Prompt(
        string? dossier, ClaimsPrincipal user, AppDbContext db, DossierStore dossiers, CounterRatingTokens tokens, IOptions<FeedbackOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - options.Value.CounterPromptFor;
        var officer = user.Identity?.Name ?? "";
        // A result returned at the counter is named by the screen (it was told through its hub); otherwise the
        // last dossier the officer received at the counter.
        var last = dossier is { Length: > 0 and <= 40 }
            ? await dossiers.Rows
                .Where(d => d.Code == dossier && ((d.ReceivedBy == officer && d.ReceivedAt >= since && d.Channel == DossierChannel.Counter)
                    || dossiers.Events.Any(e => e.DossierId == d.Id && e.Action == DossierEvents.ResultReturned && e.Actor == officer && e.At >= since)))
                .Select(d => new { d.Id, d.Code, d.ProcedureName }).FirstOrDefaultAsync(ct)
            : await dossiers.Rows
                .Where(d => d.ReceivedBy == officer && d.ReceivedAt >= since && d.Channel == DossierChannel.Counter)
                .OrderByDescending(d => d.ReceivedAt)
                .Select(d => new { d.Id, d.Code, d.ProcedureName })
                .FirstOrDefaultAsync(ct);
        return last is null || await db.Set<Evaluation>().AnyAsync(x => x.DossierId == last.Id && x.Kind == Evaluation.Counter, ct)
            ? TypedResults.NoContent()
            : TypedResults.Ok(new CounterPrompt(last.Code, last.ProcedureName, tokens.Issue(last.Code, officer)));
    }
}
