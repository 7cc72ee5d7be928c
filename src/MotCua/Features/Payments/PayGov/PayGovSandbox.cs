using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Sandbox;

namespace MotCua.Features.Payments.PayGov;

/// <summary>A bill as the sandbox platform keeps it.</summary>
public sealed record SandboxBill(string Reference, string Amount, string Description, JsonObject? Receipt, string ReturnUrl, string NotifyUrl)
{
    /// <summary><c>01</c> while being paid; then the payer's outcome.</summary>
    public string Code { get; init; } = "01";

    public string TransactionNo { get; init; } = "";
}

/// <summary>
/// A stand-in for the national payment platform, on when <c>Sandbox__Enabled</c> (demo mode) and the platform's address
/// configured is its own: its service answers <c>init</c> (a bill and its pay page) and <c>query</c>, with checksums both
/// ways; its pay page lets the tester choose the outcome, then posts the signed <c>confirm</c> to MotCua's notify address
/// and sends the browser back with the signed answer. It forgets everything when the process stops, as a sandbox may.
/// </summary>
public sealed partial class PayGovSandbox(IOptions<PayGovOptions> options, IHttpClientFactory http, PublicLinks links, TimeProvider clock, ILogger<PayGovSandbox> log)
{
    private static readonly ConcurrentDictionary<string, SandboxBill> Bills = new();

    private PayGovProtocol Protocol => new(options.Value);

    public static bool Active(IConfiguration configuration, PayGovOptions options) =>
        IdentitySandbox.IsEnabled(configuration) && options.ApiUrl.StartsWith('/') && !options.ApiUrl.StartsWith("//", StringComparison.Ordinal);

    public SandboxBill? Bill(string? reference) => reference is null ? null : Bills.GetValueOrDefault(reference);

    /// <summary>The platform's service: <c>init</c> and <c>query</c>.</summary>
    public JsonObject Api(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var p = Protocol;
        var type = p.Text(request, PayGovFields.MessageType);
        var reference = p.Text(request, PayGovFields.Reference) ?? "";
        if (type is not (PayGovFields.Init or PayGovFields.Query) || !p.Verify(request, type))
        {
            return Answer(reference, "97", "Sai mã xác thực");
        }

        if (type == PayGovFields.Init)
        {
            if (reference.Length is 0 or > 40 || Bills.ContainsKey(reference) || p.Text(request, PayGovFields.Amount) is not { Length: > 0 } amount
                || p.Text(request, PayGovFields.ReturnUrl) is not { } back || p.Text(request, PayGovFields.NotifyUrl) is not { } notify)
            {
                return Answer(reference, "99", "Bản tin không hợp lệ");
            }

            Bills[reference] = new SandboxBill(reference, amount, p.Text(request, PayGovFields.Description) ?? "", request[p.Name(PayGovFields.Receipt)]?.DeepClone() as JsonObject, back, notify);
            var answer = Answer(reference, "00", "Thành công");
            answer[p.Name(PayGovFields.PayUrl)] = "/sandbox/paygov/pay?ref=" + Uri.EscapeDataString(reference);
            return p.Sign(answer, PayGovFields.Answer);
        }

        return Bills.TryGetValue(reference, out var bill) ? Confirm(bill) : Answer(reference, "91", "Không tìm thấy giao dịch");
    }

    /// <summary>The tester's outcome: the platform records it, posts it to MotCua's notify address, and gives the address to send the browser back to.</summary>
    public async Task<string> AnswerAsync(SandboxBill bill, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bill);
        bill = Bills[bill.Reference] = bill with { Code = code, TransactionNo = code == "00" ? Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) : "" };
        try
        {
            using var client = http.CreateClient(VnPay.VnPayGateway.Client);
            client.Timeout = TimeSpan.FromSeconds(30);
            using var sent = await client.PostAsJsonAsync(links.Absolute(bill.NotifyUrl), Confirm(bill), ct);
            LogNotified(log, bill.Reference, (int)sent.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogNotifyFailed(log, e, bill.Reference); // the platform tries again later; here MotCua's query settles it
        }

        var back = Answer(bill.Reference, code, "");
        var query = string.Join('&', back.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value?.GetValue<string>() ?? "")));
        return bill.ReturnUrl + (bill.ReturnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private JsonObject Confirm(SandboxBill bill)
    {
        var p = Protocol;
        var message = p.New(PayGovFields.Confirm, bill.Reference, clock.GetUtcNow());
        message[p.Name(PayGovFields.Amount)] = bill.Amount;
        message[p.Name(PayGovFields.TransactionNo)] = bill.TransactionNo;
        message[p.Name(PayGovFields.Bank)] = "NCB";
        message[p.Name(PayGovFields.ErrorCode)] = bill.Code;
        return p.Sign(message, PayGovFields.Confirm);
    }

    private JsonObject Answer(string reference, string code, string text)
    {
        var p = Protocol;
        var answer = new JsonObject
        {
            [p.Name(PayGovFields.Partner)] = options.Value.PartnerCode, [p.Name(PayGovFields.Reference)] = reference, [p.Name(PayGovFields.ErrorCode)] = code,
        };
        if (text.Length > 0)
        {
            answer[p.Name(PayGovFields.Message)] = text;
        }

        return p.Sign(answer, PayGovFields.Answer);
    }

    internal static async Task<IResult> ApiEndpoint(HttpRequest request, PayGovSandbox sandbox, CancellationToken ct) =>
        await PaymentsApi.ReadJsonAsync(request, ct) is { } message ? Results.Json(sandbox.Api(message)) : Results.BadRequest();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox platform notified MotCua of {Reference}: HTTP {Status}")]
    private static partial void LogNotified(ILogger logger, string reference, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox platform could not notify MotCua of {Reference}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception e, string reference);
}
