using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Dossiers;

public sealed record AcceptResponse(string Code, string Status, DateTimeOffset ReceivedAt, DateOnly DueDate, DateTimeOffset DueAt);


internal static class DossiersApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Dossiers").RequireAuthorization(Policies.Staff);
        api.MapPost("/", Accept).RequireAuthorization(Policies.Counter).WithSummary("Receive a dossier (Idempotency-Key: the same key returns the same dossier)");
        api.MapGet("/{code}", Get).WithSummary("A dossier of the caller's units, with its events");
        api.MapGet("/{code}/receipt.pdf", Receipt).WithSummary("The receipt and appointment slip (form 01) as PDF");
        api.MapGet("/{code}/verify", Verify).WithSummary("Checks the dossier's hash-chained event log");

        app.MapGet("/api/public/dossiers/{code}", Public).WithTags("Dossiers").AllowAnonymous().RequireRateLimiting("public")
            .WithSummary("Public tracking by code and tracking key: status and dates with a masked name, nothing personal; wrong keys are slowed per client");
    }

    private static async Task<Results<Created<AcceptResponse>, ProblemHttpResult>> Accept(
        AcceptDossier request, HttpRequest http, ClaimsPrincipal user, DossierIntake intake, CancellationToken ct)
    {
        var key = http.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k.Trim() : null;
        if (key is { Length: > 100 })
        {
            return Failure.Invalid("Idempotency-Key", Texts.Get("Intake.KeyTooLong")).ToProblem();
        }

        var result = await intake.AcceptAsync(request, user, key, ct);
        return result.Value is { } dossier ? TypedResults.Created($"/api/dossiers/{dossier.Code}", Response(dossier)) : result.Failure!.ToProblem();
    }

    private static AcceptResponse Response(IDossier d) =>
        new(d.Code, DossierReader.Status(d.Status), d.ReceivedAt.ToOffset(VietnamTime.Offset), d.DueDate, d.DueAt.ToOffset(VietnamTime.Offset));

    private static async Task<Results<Ok<DossierView>, NotFound>> Get(string code, ClaimsPrincipal user, DossierReader reader, CancellationToken ct) =>
        await reader.ViewAsync(code, user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Receipt(string code, ClaimsPrincipal user, DossierReader reader, ReceiptService receipts, CancellationToken ct) =>
        await reader.ReadAsync(code, user, "receipt", ct) is { } dossier
            ? TypedResults.File(await receipts.RenderAsync(dossier, ct), "application/pdf", $"giay-tiep-nhan-{code}.pdf")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ChainCheck>, NotFound>> Verify(string code, ClaimsPrincipal user, DossierReader reader, AppDbContext db, CancellationToken ct)
    {
        if (await reader.FindAsync(code, user, ct) is not { } dossier)
        {
            return TypedResults.NotFound();
        }

        var broken = await DossierEvents.VerifyAsync(db, dossier.Id, ct);
        return TypedResults.Ok(new ChainCheck(code, broken is null, broken));
    }

    private static async Task<Results<Ok<PublicDossier>, NotFound, ProblemHttpResult>> Public(string code, string? key, HttpContext http, PublicTracking tracking, CancellationToken ct)
    {
        var (found, wait) = await tracking.FindAsync(code, key, http, ct);
        if (wait is { } w)
        {
            return TooManyGuesses(http, w);
        }

        return found is null ? TypedResults.NotFound() : TypedResults.Ok(found);
    }

    private static ProblemHttpResult TooManyGuesses(HttpContext http, TimeSpan wait)
    {
        var seconds = Infrastructure.Web.FailureThrottle.RetryAfter(http.Response, wait);
        return Failure.TooMany(Texts.Get("Common.RetryAfter", seconds), Texts.Get("Track.TooManyTitle")).ToProblem();
    }
}

public sealed record ChainCheck(string Code, bool Intact, int? FirstBrokenEvent);
