using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Sandbox;

namespace MotCua.Features.Payments.VnPay;

/// <summary>A transaction as the sandbox bank keeps it.</summary>
public sealed record SandboxTransaction(
    string TxnRef, long Amount, string OrderInfo, string CreateDate, string ResponseCode, string TransactionStatus, string TransactionNo, string BankCode, string PayDate)
{
    public bool Refunded { get; init; }
}

/// <summary>
/// A stand-in for VNPay's gateway, on when <c>Sandbox__Enabled</c> (demo mode): the pay page where the tester picks
/// the bank's answer, then the IPN to the merchant's registered address and the redirect to its return URL, all
/// signed as VNPay signs them; and the merchant web API (querydr, refund). Its bank forgets everything when the
/// process stops, as a sandbox may.
/// </summary>
public sealed partial class VnPaySandbox(IOptions<VnPayOptions> options, IHttpClientFactory http, PublicLinks links, TimeProvider clock, ILogger<VnPaySandbox> log)
{
    /// <summary>The answers a tester may choose, with VNPay's response codes.</summary>
    public static readonly string[] Answers = ["00", "24", "51", "11"];

    private static readonly ConcurrentDictionary<string, SandboxTransaction> Bank = new();

    private VnPayOptions Options => options.Value;

    /// <summary>
    /// Whether the sandbox plays the gateway: sandboxes on (demo mode) and the pay page configured is its own. With a
    /// real gateway configured it is off, so that nobody can answer "paid" in the bank's place with real credentials.
    /// </summary>
    public static bool Active(IConfiguration configuration, VnPayOptions options) =>
        IdentitySandbox.IsEnabled(configuration) && options.PayUrl.StartsWith('/') && !options.PayUrl.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// Whether the pay request is one to answer: this merchant's valid checksum, not expired, a return address on
    /// this MotCua, and not answered before (the bank answers a transaction once).
    /// </summary>
    public bool Accepts(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.GetValueOrDefault("vnp_TmnCode") == Options.TmnCode && VnPayProtocol.Verify(fields, Options.HashSecret)
            && fields.GetValueOrDefault("vnp_TxnRef") is { Length: > 0 } txnRef && !Bank.ContainsKey(txnRef)
            && VnPayProtocol.ParseTime(fields.GetValueOrDefault("vnp_ExpireDate")) is { } expires && expires > clock.GetUtcNow()
            && Uri.TryCreate(fields.GetValueOrDefault("vnp_ReturnUrl"), UriKind.Absolute, out var back) && back.GetLeftPart(UriPartial.Authority) == links.Absolute("/").GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The tester's answer: the bank records it, tells the merchant's IPN, and gives the return URL to send the browser to.</summary>
    public async Task<string> AnswerAsync(IReadOnlyDictionary<string, string> request, string responseCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paid = responseCode == "00";
        var transaction = new SandboxTransaction(
            request["vnp_TxnRef"], long.Parse(request["vnp_Amount"], CultureInfo.InvariantCulture), request.GetValueOrDefault("vnp_OrderInfo") ?? "", request.GetValueOrDefault("vnp_CreateDate") ?? "",
            responseCode, paid ? "00" : "02", paid ? Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) : "0", "NCB", VnPayProtocol.Time(clock.GetUtcNow()));
        Bank[transaction.TxnRef] = transaction;
        var result = new Dictionary<string, string>
        {
            ["vnp_Amount"] = transaction.Amount.ToString(CultureInfo.InvariantCulture),
            ["vnp_BankCode"] = transaction.BankCode,
            ["vnp_BankTranNo"] = paid ? "VNP" + transaction.TransactionNo : "",
            ["vnp_CardType"] = "ATM",
            ["vnp_OrderInfo"] = transaction.OrderInfo,
            ["vnp_PayDate"] = transaction.PayDate,
            ["vnp_ResponseCode"] = responseCode,
            ["vnp_TmnCode"] = Options.TmnCode,
            ["vnp_TransactionNo"] = transaction.TransactionNo,
            ["vnp_TransactionStatus"] = transaction.TransactionStatus,
            ["vnp_TxnRef"] = transaction.TxnRef,
        };
        var signed = VnPayProtocol.SignedQuery(result, Options.HashSecret);
        try
        {
            using var client = http.CreateClient(VnPayGateway.Client);
            client.Timeout = TimeSpan.FromSeconds(30);
            using var ipn = await client.GetAsync(new Uri(links.Absolute(Options.IpnUrl) + "?" + signed), ct);
            var body = await ipn.Content.ReadAsStringAsync(ct);
            LogIpn(log, transaction.TxnRef, (int)ipn.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // VNPay retries an IPN later; here querydr settles it.
            LogIpnFailed(log, e, transaction.TxnRef);
        }

        var back = request["vnp_ReturnUrl"];
        return back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + signed;
    }

    /// <summary>The merchant web API: querydr and refund, with their checksums both ways.</summary>
    public Dictionary<string, string?> Api(Dictionary<string, string?> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = request.GetValueOrDefault("vnp_Command");
        var (requestOrder, responseOrder) = command == "refund"
            ? (VnPayProtocol.RefundRequestFields, VnPayProtocol.RefundResponseFields)
            : (VnPayProtocol.QueryRequestFields, VnPayProtocol.QueryResponseFields);
        var answer = new Dictionary<string, string?>
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"), ["vnp_Command"] = command, ["vnp_TmnCode"] = Options.TmnCode, ["vnp_TxnRef"] = request.GetValueOrDefault("vnp_TxnRef"),
        };
        var txn = Bank.GetValueOrDefault(request.GetValueOrDefault("vnp_TxnRef") ?? "");
        (string Code, string Message) outcome = command switch
        {
            not ("querydr" or "refund") => ("02", "Invalid command"),
            _ when request.GetValueOrDefault("vnp_TmnCode") != Options.TmnCode => ("02", "Merchant is not valid"),
            _ when !VnPayProtocol.VerifyPiped(request, requestOrder, Options.HashSecret) => ("97", "Invalid checksum"),
            _ when txn is null => ("91", "Transaction not found"),
            "refund" when txn.TransactionStatus != "00" || txn.Refunded => ("95", "Transaction cannot be refunded"),
            _ => ("00", "Success"),
        };
        (answer["vnp_ResponseCode"], answer["vnp_Message"]) = outcome;
        if (outcome.Code is "02" or "97")
        {
            return answer; // not this merchant's valid request: answered, not signed
        }

        if (txn is not null && outcome.Code == "00")
        {
            if (command == "refund")
            {
                txn = Bank[txn.TxnRef] = txn with { Refunded = true, TransactionStatus = "05" };
            }

            (answer["vnp_Amount"], answer["vnp_BankCode"], answer["vnp_PayDate"], answer["vnp_TransactionNo"]) =
                (txn.Amount.ToString(CultureInfo.InvariantCulture), txn.BankCode, txn.PayDate, txn.TransactionNo);
            (answer["vnp_TransactionType"], answer["vnp_TransactionStatus"], answer["vnp_OrderInfo"]) = (command == "refund" ? "02" : "01", txn.TransactionStatus, txn.OrderInfo);
        }

        answer[VnPayProtocol.SecureHash] = VnPayProtocol.SignPiped(answer, responseOrder, Options.HashSecret);
        return answer;
    }

    internal static async Task<IResult> ApiEndpoint(HttpRequest request, VnPaySandbox sandbox, CancellationToken ct)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(request.Body, cancellationToken: ct) ?? [];
            return Results.Json(sandbox.Api(body.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString())));
        }
        catch (JsonException)
        {
            return Results.Json(new Dictionary<string, string> { ["vnp_ResponseCode"] = "99", ["vnp_Message"] = "Invalid request" });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox VNPay: IPN for {TxnRef} answered HTTP {Status} {Body}")]
    private static partial void LogIpn(ILogger logger, string txnRef, int status, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox VNPay: the IPN for {TxnRef} could not be delivered")]
    private static partial void LogIpnFailed(ILogger logger, Exception e, string txnRef);
}
