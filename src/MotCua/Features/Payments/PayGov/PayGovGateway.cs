using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MotCua.Features.Dossiers.Contracts;

namespace MotCua.Features.Payments.PayGov;

/// <summary>
/// The national payment platform behind the payment port. MotCua starts a payment with an <c>init</c> message
/// carrying the receipt's data (payer, dossier, procedure, each fee, the collecting agency) and gets the platform's pay
/// page; the platform posts the outcome (<c>confirm</c>) to MotCua's notify address, the only thing that settles the
/// payment; a payment left pending is asked about with <c>query</c>. Every message carries its checksum
/// (<see cref="PayGovProtocol"/>). The platform refunds through the State Treasury's own procedure, not by message:
/// <see cref="RefundAsync"/> says no, and the reconciliation keeps listing the payment for the office to handle.
/// </summary>
public sealed partial class PayGovGateway(IOptions<PayGovOptions> options, IHttpClientFactory http, PublicLinks links, TimeProvider clock, ILogger<PayGovGateway> log) : IPaymentGateway
{
    private PayGovOptions Options => options.Value;

    public PayGovProtocol Protocol => new(Options);

    public string Provider => "paygov";

    public bool Ready => Options.PartnerCode.Length > 0 && Options.SecretKey.Length > 0;

    public TimeSpan Expiry => TimeSpan.FromMinutes(Options.ExpireMinutes);

    public async Task<string?> PayUrlAsync(PaymentOrder order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var p = Protocol;
        var (payment, dossier) = (order.Payment, order.Dossier);
        var message = p.New(PayGovFields.Init, payment.TxnRef, payment.CreatedAt);
        message[p.Name(PayGovFields.Amount)] = PayGovProtocol.Amount(payment.Amount);
        message[p.Name(PayGovFields.Currency)] = "VND";
        message[p.Name(PayGovFields.Language)] = "vi";
        message[p.Name(PayGovFields.Ip)] = order.ClientIp is { Length: > 0 and <= 45 } ip ? ip : "127.0.0.1";
        message[p.Name(PayGovFields.Description)] = order.OrderInfo;
        message[p.Name(PayGovFields.ReturnUrl)] = order.ReturnUrl.ToString();
        message[p.Name(PayGovFields.NotifyUrl)] = links.Absolute(Options.NotifyUrl).ToString();
        message[p.Name(PayGovFields.Receipt)] = new JsonObject
        {
            ["MaHoSo"] = dossier.Code, ["MaTTHC"] = dossier.ProcedureCode, ["TenTTHC"] = dossier.ProcedureName, ["MaDonVi"] = dossier.OfficeCode,
            ["HoTenNguoiNop"] = dossier.ApplicantName, ["SoCMNDNguoiNop"] = dossier.ApplicantIdNumber,
            ["DSKhoanNop"] = new JsonArray([.. order.Fees.Select(f => new JsonObject { ["NoiDung"] = f.Name, ["SoTien"] = PayGovProtocol.Amount(f.Amount) })]),
        };
        var answer = await CallAsync(p.Sign(message, PayGovFields.Init), ct);
        return answer is not null && p.Verify(answer, PayGovFields.Answer) && p.Text(answer, PayGovFields.ErrorCode) == "00" && p.Text(answer, PayGovFields.Reference) == payment.TxnRef
            && p.Text(answer, PayGovFields.PayUrl) is { Length: > 0 } url && Uri.TryCreate(links.Absolute("/"), url, out var absolute) && absolute.Scheme is "https" or "http"
            ? absolute.ToString()
            : null;
    }

    /// <summary>The platform sends the citizen back with the answer's fields and checksum (partner, reference, error code).</summary>
    public string? ReturnReference(IEnumerable<KeyValuePair<string, string>> query)
    {
        var message = new JsonObject();
        foreach (var (key, value) in query.GroupBy(q => q.Key).Select(g => g.First()))
        {
            message[key] = value;
        }

        return Ready && Protocol.Verify(message, PayGovFields.Answer) ? Protocol.Text(message, PayGovFields.Reference) : null;
    }

    public async Task<GatewayAnswer?> QueryAsync(Payment payment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var p = Protocol;
        var answer = await CallAsync(p.Sign(p.New(PayGovFields.Query, payment.TxnRef, clock.GetUtcNow()), PayGovFields.Query), ct);
        return answer is not null && p.Verify(answer, PayGovFields.Confirm) && p.Text(answer, PayGovFields.Reference) == payment.TxnRef ? Outcome(answer) : null;
    }

    /// <summary>The outcome a confirm message (or a query's answer) carries; null when it is not readable or not known yet.</summary>
    public GatewayAnswer? Outcome(JsonObject message)
    {
        var p = Protocol;
        if (!decimal.TryParse(p.Text(message, PayGovFields.Amount), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var code = p.Text(message, PayGovFields.ErrorCode) ?? "99";
        return code switch
        {
            "91" => null, // the platform does not know it (yet)
            "01" => new GatewayAnswer(false, false, code, amount, null, null), // still being paid
            _ => new GatewayAnswer(code == "00", true, code, amount, p.Text(message, PayGovFields.TransactionNo), p.Text(message, PayGovFields.Bank)),
        };
    }

    /// <summary>
    /// Reads the platform's notification: checksum, then the order, the amount, already confirmed and the outcome (the
    /// desk's checks), each answered with the platform's error codes, in a signed answer.
    /// </summary>
    public async Task<JsonObject> NotifyAsync(JsonObject? message, PaymentDesk desk, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var p = Protocol;
        var reference = message is null ? "" : p.Text(message, PayGovFields.Reference) ?? "";
        (string Code, string Text) result;
        if (message is null || !Ready || !p.Verify(message, PayGovFields.Confirm) || p.Text(message, PayGovFields.MessageType) != PayGovFields.Confirm)
        {
            result = ("97", "Sai mã xác thực");
        }
        else if (Outcome(message) is not { Final: true } outcome || reference.Length == 0)
        {
            result = ("99", "Bản tin không hợp lệ");
        }
        else
        {
            result = (await desk.SettleAsync(reference, outcome, ct)).Outcome switch
            {
                SettleOutcome.UnknownOrder => ("01", "Không tìm thấy giao dịch"),
                SettleOutcome.WrongAmount => ("04", "Số tiền không khớp"),
                SettleOutcome.AlreadySettled => ("02", "Giao dịch đã được xác nhận"),
                _ => ("00", "Thành công"),
            };
        }

        var answer = new JsonObject
        {
            [p.Name(PayGovFields.Partner)] = Options.PartnerCode, [p.Name(PayGovFields.Reference)] = reference,
            [p.Name(PayGovFields.ErrorCode)] = result.Code, [p.Name(PayGovFields.Message)] = result.Text,
        };
        return p.Sign(answer, PayGovFields.Answer);
    }

    /// <summary>The platform refunds through the State Treasury's procedure, not by message: never confirmed here.</summary>
    public Task<bool> RefundAsync(Payment payment, string by, CancellationToken ct = default) => Task.FromResult(false);

    private async Task<JsonObject?> CallAsync(JsonObject message, CancellationToken ct)
    {
        try
        {
            using var client = http.CreateClient(VnPay.VnPayGateway.Client);
            client.Timeout = TimeSpan.FromSeconds(30);
            using var response = await client.PostAsJsonAsync(links.Absolute(Options.ApiUrl), message, ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(log, (int)response.StatusCode);
                return null;
            }

            return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            LogUnreachable(log, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The national payment platform answered HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The national payment platform could not be reached")]
    private static partial void LogUnreachable(ILogger logger, Exception e);
}
