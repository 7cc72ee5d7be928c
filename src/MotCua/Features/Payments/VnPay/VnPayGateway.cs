using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Payments.VnPay;

/// <summary>Configuration section "Payments:VnPay": this merchant's terminal at VNPay and the gateway's addresses.</summary>
public sealed class VnPayOptions
{
    public const string Section = "Payments:VnPay";

    /// <summary>The terminal code VNPay gave the merchant (<c>vnp_TmnCode</c>).</summary>
    public string TmnCode { get; set; } = "";

    /// <summary>The shared secret of the checksums. Only from configuration; never logged. In demo mode without one, the sandbox makes one for the process.</summary>
    public string HashSecret { get; set; } = "";

    /// <summary>The gateway's pay page; relative addresses are this MotCua's (the sandbox's, by default).</summary>
    public string PayUrl { get; set; } = "/sandbox/vnpay/pay";

    /// <summary>The merchant web API (querydr, refund).</summary>
    public string ApiUrl { get; set; } = "/sandbox/vnpay/api";

    /// <summary>The IPN address the merchant registered with VNPay; the sandbox calls it.</summary>
    public string IpnUrl { get; set; } = "/api/payments/vnpay/ipn";

    /// <summary>How long the pay page accepts the payment (<c>vnp_ExpireDate</c>).</summary>
    [System.ComponentModel.DataAnnotations.Range(5, 1440)]
    public int ExpireMinutes { get; set; } = 15;
}

/// <summary>VNPay's gateway behind the payment port, by <see cref="VnPayProtocol"/>.</summary>
public sealed partial class VnPayGateway(IOptions<VnPayOptions> options, IHttpClientFactory http, PublicLinks links, TimeProvider clock, ILogger<VnPayGateway> log) : IPaymentGateway
{
    public const string Client = "payments";

    private VnPayOptions Options => options.Value;

    public string Provider => "vnpay";

    public bool Ready => Options.TmnCode.Length > 0 && Options.HashSecret.Length > 0;

    public TimeSpan Expiry => TimeSpan.FromMinutes(Options.ExpireMinutes);

    /// <summary>How long after the pay page's expiry an attempt the gateway never heard of is given up (the bank may still be finishing).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    public Task<string?> PayUrlAsync(PaymentOrder order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (payment, orderInfo, clientIp, returnUrl) = (order.Payment, order.OrderInfo, order.ClientIp, order.ReturnUrl);
        var fields = new Dictionary<string, string>
        {
            ["vnp_Version"] = VnPayProtocol.Version,
            ["vnp_Command"] = "pay",
            ["vnp_TmnCode"] = Options.TmnCode,
            ["vnp_Amount"] = Amount(payment.Amount),
            ["vnp_CurrCode"] = "VND",
            ["vnp_TxnRef"] = payment.TxnRef,
            ["vnp_OrderInfo"] = VnPayProtocol.Plain(orderInfo),
            ["vnp_OrderType"] = "other",
            ["vnp_Locale"] = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "vn",
            ["vnp_ReturnUrl"] = returnUrl.ToString(),
            ["vnp_IpAddr"] = clientIp is { Length: > 0 and <= 45 } ip ? ip : "127.0.0.1",
            ["vnp_CreateDate"] = VnPayProtocol.Time(payment.CreatedAt),
            ["vnp_ExpireDate"] = VnPayProtocol.Time(payment.CreatedAt.AddMinutes(Options.ExpireMinutes)),
        };
        return Task.FromResult<string?>(VnPayProtocol.PayUrl(links.Absolute(Options.PayUrl).ToString(), fields, Options.HashSecret));
    }

    /// <summary>The return URL's attempt when its fields carry the gateway's checksum (the page then shows what the IPN recorded, never what the URL says).</summary>
    public string? ReturnReference(IEnumerable<KeyValuePair<string, string>> query)
    {
        var fields = query.Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal)).ToList();
        return Ready && VnPayProtocol.Verify(fields, Options.HashSecret) ? fields.FirstOrDefault(f => f.Key == "vnp_TxnRef").Value : null;
    }

    /// <summary>
    /// Reads an IPN: checksum, then the order, the amount, already confirmed and the outcome (the desk's checks), each
    /// with the <c>RspCode</c> VNPay's document gives it.
    /// </summary>
    public async Task<(string RspCode, string Message)> IpnAsync(IEnumerable<KeyValuePair<string, string>> query, PaymentDesk desk, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var fields = query.Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal)).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value);
        if (!Ready || !VnPayProtocol.Verify(fields, Options.HashSecret) || fields.GetValueOrDefault("vnp_TmnCode") != Options.TmnCode)
        {
            return ("97", "Invalid signature");
        }

        if (!long.TryParse(fields.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths) || fields.GetValueOrDefault("vnp_TxnRef") is not { Length: > 0 } txnRef)
        {
            return ("99", "Invalid request");
        }

        var paid = fields.GetValueOrDefault("vnp_ResponseCode") == "00" && fields.GetValueOrDefault("vnp_TransactionStatus") == "00";
        var answer = new GatewayAnswer(paid, true, fields.GetValueOrDefault("vnp_ResponseCode") ?? "99", hundredths / 100m, fields.GetValueOrDefault("vnp_TransactionNo"), fields.GetValueOrDefault("vnp_BankCode"));
        return (await desk.SettleAsync(txnRef, answer, ct)).Outcome switch
        {
            SettleOutcome.UnknownOrder => ("01", "Order not found"),
            SettleOutcome.WrongAmount => ("04", "Invalid amount"),
            SettleOutcome.AlreadySettled => ("02", "Order already confirmed"),
            _ => ("00", "Confirm Success"),
        };
    }

    public async Task<GatewayAnswer?> QueryAsync(Payment payment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var request = new Dictionary<string, string?>
        {
            ["vnp_RequestId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Version"] = VnPayProtocol.Version,
            ["vnp_Command"] = "querydr",
            ["vnp_TmnCode"] = Options.TmnCode,
            ["vnp_TxnRef"] = payment.TxnRef,
            ["vnp_OrderInfo"] = VnPayProtocol.Plain($"Truy van giao dich {payment.TxnRef}"),
            ["vnp_TransactionDate"] = VnPayProtocol.Time(payment.CreatedAt),
            ["vnp_CreateDate"] = VnPayProtocol.Time(clock.GetUtcNow()),
            ["vnp_IpAddr"] = "127.0.0.1",
        };
        if (await CallAsync(request, VnPayProtocol.QueryRequestFields, VnPayProtocol.QueryResponseFields, ct) is not { } answer
            || answer.GetValueOrDefault("vnp_TxnRef") != payment.TxnRef || answer.GetValueOrDefault("vnp_TmnCode") != Options.TmnCode)
        {
            return null;
        }

        var code = answer.GetValueOrDefault("vnp_ResponseCode");
        if (code == "91" && payment.ExpiresAt + Grace < clock.GetUtcNow())
        {
            return new GatewayAnswer(false, true, "91", payment.Amount, null, null); // never reached the gateway, and too late to now
        }

        if (code != "00" || !long.TryParse(answer.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths))
        {
            return null;
        }

        // 00 paid, 02 failed; anything else (01 still at the bank, 04 reversed, 07 held as suspect…) stays pending for a person to look at.
        return answer.GetValueOrDefault("vnp_TransactionStatus") switch
        {
            "00" => new GatewayAnswer(true, true, "00", hundredths / 100m, answer.GetValueOrDefault("vnp_TransactionNo"), answer.GetValueOrDefault("vnp_BankCode")),
            "02" => new GatewayAnswer(false, true, "02", hundredths / 100m, answer.GetValueOrDefault("vnp_TransactionNo"), answer.GetValueOrDefault("vnp_BankCode")),
            _ => null,
        };
    }

    public async Task<bool> RefundAsync(Payment payment, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var request = new Dictionary<string, string?>
        {
            ["vnp_RequestId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Version"] = VnPayProtocol.Version,
            ["vnp_Command"] = "refund",
            ["vnp_TmnCode"] = Options.TmnCode,
            ["vnp_TransactionType"] = "02",
            ["vnp_TxnRef"] = payment.TxnRef,
            ["vnp_Amount"] = Amount(payment.Amount),
            ["vnp_TransactionNo"] = payment.TransactionNo ?? "",
            ["vnp_TransactionDate"] = VnPayProtocol.Time(payment.CreatedAt),
            ["vnp_CreateBy"] = by,
            ["vnp_CreateDate"] = VnPayProtocol.Time(clock.GetUtcNow()),
            ["vnp_IpAddr"] = "127.0.0.1",
            ["vnp_OrderInfo"] = VnPayProtocol.Plain($"Hoan tien ho so {payment.DossierCode}"),
        };
        return (await CallAsync(request, VnPayProtocol.RefundRequestFields, VnPayProtocol.RefundResponseFields, ct))?.GetValueOrDefault("vnp_ResponseCode") == "00";
    }

    private static string Amount(decimal vnd) => ((long)(vnd * 100)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts a merchant web API request with its checksum; the answer when its own checksum holds, null otherwise.</summary>
    private async Task<Dictionary<string, string?>?> CallAsync(Dictionary<string, string?> request, string[] requestOrder, string[] responseOrder, CancellationToken ct)
    {
        request[VnPayProtocol.SecureHash] = VnPayProtocol.SignPiped(request, requestOrder, Options.HashSecret);
        try
        {
            using var client = http.CreateClient(Client);
            client.Timeout = TimeSpan.FromSeconds(30);
            using var response = await client.PostAsJsonAsync(links.Absolute(Options.ApiUrl), request, ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(log, request["vnp_Command"]!, (int)response.StatusCode);
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>(ct) ?? [];
            var answer = body.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString());
            if (!VnPayProtocol.VerifyPiped(answer, responseOrder, Options.HashSecret))
            {
                LogBadChecksum(log, request["vnp_Command"]!);
                return null;
            }

            return answer;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            LogUnreachable(log, e, request["vnp_Command"]!);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "VNPay {Command} answered HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, string command, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VNPay {Command} answer failed its checksum; ignored")]
    private static partial void LogBadChecksum(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VNPay {Command} could not be reached; the payment stays pending")]
    private static partial void LogUnreachable(ILogger logger, Exception e, string command);
}
