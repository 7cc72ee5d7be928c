using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Payments.VnPay;
using MotCua.Features.Portal.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Payments;

public sealed record PaymentStart(string? Provider);

public sealed record PaymentLink(string PaymentUrl);

public sealed record CashPayment(string? Method);

public sealed record FeeCount(int Quantity);

public sealed record PaymentView(Guid Id, string Provider, decimal Amount, string Status, string? ReceiptNumber, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt, string? ReceiptUrl);

public sealed record PaymentList(IReadOnlyList<PaymentView> Items);

/// <summary>The gateway's IPN answer, with the names VNPay's document gives its fields.</summary>
public sealed record IpnAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("RspCode")] string RspCode,
    [property: System.Text.Json.Serialization.JsonPropertyName("Message")] string Message);

internal static class PaymentsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/dossiers/{code}").WithTags("Payments").RequireAuthorization(Policies.Staff);
        staff.MapGet("/fees", async Task<Results<Ok<FeeList>, NotFound>> (string code, ClaimsPrincipal user, PaymentDossiers find, Fees fees, CancellationToken ct) =>
                await find.ForStaffAsync(code, user, ct) is { } d ? TypedResults.Ok(await fees.ListAsync(d, ct)) : TypedResults.NotFound())
            .WithSummary("What the dossier's fees are, what is due and what is paid (đồng)");
        staff.MapPut("/fees/{line:int}", Count).RequireAuthorization(Policies.Counter).WithSummary("Count what a fee is for (pages, copies) while it is due; the amount follows the catalog's tiers and cap");
        staff.MapGet("/payments", async Task<Results<Ok<PaymentList>, NotFound>> (string code, ClaimsPrincipal user, PaymentDossiers find, AppDbContext db, CancellationToken ct) =>
                await find.ForStaffAsync(code, user, ct) is { } d ? TypedResults.Ok(new PaymentList(await ListAsync(db, d.Id, ct))) : TypedResults.NotFound())
            .WithSummary("The dossier's payments: cash and online attempts, with their receipts");
        staff.MapPost("/payments", Cash).RequireAuthorization(Policies.Counter).WithSummary("Record what is due as paid in cash at the counter ('method': 'cash'); 201 with the receipt");

        var citizen = app.MapGroup("/api/portal/dossiers/{reference}").WithTags("Payments").RequireAuthorization(Policies.Citizen);
        citizen.MapGet("/fees", async Task<Results<Ok<FeeList>, NotFound>> (string reference, ClaimsPrincipal user, PaymentDossiers find, Fees fees, CancellationToken ct) =>
                await find.ForCitizenAsync(reference, user, ct) is not { } found ? TypedResults.NotFound()
                : TypedResults.Ok(found.Dossier is { } d ? await fees.ListAsync(d, ct) : new FeeList([], 0, 0)))
            .WithSummary("The caller's dossier's fees (nothing before the office receives it)");
        citizen.MapPost("/payments", Online).WithSummary("Pay what is due online ('provider': 'vnpay'): 201 with the gateway's address; 409 when nothing is due");

        // The pages link the receipt (signed in with their cookie); API clients use their token.
        app.MapGet("/api/payments/{id:guid}/receipt.pdf", Receipt).WithTags("Payments")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = $"{IdentityConstants.ApplicationScheme},{IdentityConstants.BearerScheme}" })
            .WithSummary("The receipt (biên lai) of a paid payment as PDF: staff of the dossier's units, or the citizen it is for");
        app.MapPost("/api/payments/{id:guid}/refund", Refund).WithTags("Payments").RequireAuthorization(Policies.Management)
            .WithSummary("Give back through its gateway an online payment that paid no fee (the fee was paid another way meanwhile): leaders of its office; 409 when it is not one to refund or the gateway did not confirm");
        app.MapPost("/api/payments/paygov/notify", Notify).WithTags("Payments").AllowAnonymous().DisableAntiforgery()
            .WithSummary("The national payment platform's notification (server to server): the only thing that settles its payments; a signed answer with the platform's error code");
        app.MapGet("/api/payments/vnpay/ipn", Ipn).WithTags("Payments").AllowAnonymous().DisableAntiforgery()
            .WithSummary("VNPay's IPN (server to server): the only thing that settles a VNPay payment; answers RspCode as VNPay's document defines");
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Count(string code, int line, FeeCount count, ClaimsPrincipal user, PaymentDossiers find, Fees fees, CancellationToken ct)
    {
        if (await find.ForStaffAsync(code, user, ct) is not { } d)
        {
            return TypedResults.NotFound();
        }

        return await fees.CountAsync(d, line, count.Quantity, ct) is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Created<PaymentView>, NotFound, ProblemHttpResult>> Cash(string code, CashPayment body, ClaimsPrincipal user, PaymentDossiers find, PaymentDesk desk, CancellationToken ct)
    {
        if (body.Method?.Trim() != "cash")
        {
            return Failure.Invalid("method", Texts.Get("Payments.MethodCash")).ToProblem();
        }

        if (await find.ForStaffAsync(code, user, ct) is not { } d)
        {
            return TypedResults.NotFound();
        }

        var result = await desk.RecordCashAsync(d, user, ct);
        return result.Value is { } p ? TypedResults.Created(ReceiptUrl(p), View(p)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Created<PaymentLink>, NotFound, ProblemHttpResult>> Online(
        string reference, PaymentStart body, HttpContext http, ClaimsPrincipal user, PaymentDossiers find, PaymentDesk desk, CancellationToken ct)
    {
        if (await find.ForCitizenAsync(reference, user, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        if (found.Dossier is not { } d)
        {
            return Failure.Conflict(Texts.Get("Payments.NotReceivedYet"), Texts.Get("Payments.NothingDueTitle")).ToProblem();
        }

        var started = await desk.StartOnlineAsync(d, body.Provider, AccountClaims.CitizenIdNumber(user) ?? "", http.Connection.RemoteIpAddress?.ToString(), ct);
        return started.Value is { } url ? TypedResults.Created(url, new PaymentLink(url)) : started.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<PaymentView>, NotFound, ProblemHttpResult>> Refund(Guid id, ClaimsPrincipal user, PaymentDesk desk, UnitScope scope, UnitTree units, TimeProvider clock, CancellationToken ct)
    {
        var result = await desk.RefundAsync(id, user, await OfficeCodesAsync(user, scope, units, clock, ct), ct);
        return result.Value is { } p ? TypedResults.Ok(View(p)) : result.Failure!.Kind == FailureKind.NotFound ? TypedResults.NotFound() : result.Failure.ToProblem();
    }

    /// <summary>The codes of the offices the caller sees (payments are kept by office code).</summary>
    internal static async Task<List<string>> OfficeCodesAsync(ClaimsPrincipal user, UnitScope scope, UnitTree units, TimeProvider clock, CancellationToken ct)
    {
        var visible = await scope.VisibleUnitIdsAsync(user, ct);
        return [.. (await units.CurrentOfficesAsync(VietnamTime.Today(clock), ct)).Where(o => visible.Contains(o.Id)).Select(o => o.Code)];
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Receipt(
        Guid id, ClaimsPrincipal user, AppDbContext db, PaymentDossiers find, UnitTree units, CancellationToken ct)
    {
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ReceiptNumber != null, ct);
        if (payment is null)
        {
            return TypedResults.NotFound();
        }

        var dossier = AccountClaims.CitizenIdNumber(user) is not null
            ? (await find.ForCitizenAsync(payment.DossierCode, user, ct))?.Dossier
            : await find.ForStaffAsync(payment.DossierCode, user, ct);
        if (dossier is null || dossier.Id != payment.DossierId || await units.FindAsync(dossier.OfficeId, ct) is not { } office)
        {
            return TypedResults.NotFound();
        }

        var lines = await db.Set<DossierFee>().AsNoTracking().Where(f => f.PaymentId == payment.Id).OrderBy(f => f.Line).ToListAsync(ct);
        var pdf = PaymentReceipt.Render(payment, lines, dossier.ProcedureName, await units.FormHeaderAsync(office.Id, ct));
        return TypedResults.File(pdf, "application/pdf", $"bien-lai-{payment.ReceiptNumber}.pdf");
    }

    private static async Task<Ok<IpnAnswer>> Ipn(HttpRequest request, VnPayGateway vnpay, PaymentDesk desk, CancellationToken ct)
    {
        var (code, message) = await vnpay.IpnAsync(request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())), desk, ct);
        return TypedResults.Ok(new IpnAnswer(code, message));
    }

    private static async Task<IResult> Notify(HttpRequest request, PayGov.PayGovGateway paygov, PaymentDesk desk, CancellationToken ct) =>
        Results.Json(await paygov.NotifyAsync(await ReadJsonAsync(request, ct), desk, ct));

    /// <summary>A gateway's JSON message, read under a bound (64 KB); null when it is not a JSON object within it.</summary>
    internal static async Task<System.Text.Json.Nodes.JsonObject?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        const int Limit = 64 * 1024;
        if (request.ContentLength is > Limit)
        {
            return null;
        }

        var buffer = new char[Limit + 1];
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, ct);
        try
        {
            return read > Limit ? null : System.Text.Json.Nodes.JsonNode.Parse(new string(buffer, 0, read)) as System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    internal static async Task<List<PaymentView>> ListAsync(AppDbContext db, Guid dossierId, CancellationToken ct) =>
        [.. (await db.Set<Payment>().AsNoTracking().Where(p => p.DossierId == dossierId).OrderByDescending(p => p.CreatedAt).Take(100).ToListAsync(ct)).Select(View)];

    internal static PaymentView View(Payment p) => new(
        p.Id, p.Provider, p.Amount, EnumNames.Of(p.Status), p.ReceiptNumber, VietnamTime.ToVietnam(p.CreatedAt), p.SettledAt is { } s ? VietnamTime.ToVietnam(s) : null,
        p.ReceiptNumber is null ? null : ReceiptUrl(p));

    internal static string ReceiptUrl(Payment p) => $"/api/payments/{p.Id}/receipt.pdf";
}

/// <summary>The dossier a payment route is about, as the caller may see it.</summary>
public sealed class PaymentDossiers(DossierReader reader, DossierStore dossiers, ICitizenDossiers citizens)
{
    /// <summary>A dossier of the caller's units; null otherwise.</summary>
    public async Task<DossierRow?> ForStaffAsync(string code, ClaimsPrincipal user, CancellationToken ct = default) =>
        await reader.FindAsync(code.Trim(), user, ct) is { } d ? await dossiers.Rows.FirstOrDefaultAsync(r => r.Id == d.Id, ct) : null;

    /// <summary>The caller's own application or dossier (null: not theirs), with the dossier once the office received it.</summary>
    public async Task<(CitizenDossierRef Reference, DossierRow? Dossier)?> ForCitizenAsync(string reference, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await citizens.FindAsync(reference, user, ct) is not { } found)
        {
            return null;
        }

        return (found, found.DossierCode is { } code ? await dossiers.Rows.FirstOrDefaultAsync(r => r.Code == code, ct) : null);
    }
}
