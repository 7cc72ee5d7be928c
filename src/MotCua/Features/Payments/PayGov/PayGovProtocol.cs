using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MotCua.Features.Payments.PayGov;

/// <summary>
/// Configuration section "Payments:PayGov": MotCua's account at the national payment platform of the public service
/// portal, and its message's shape. The public sources name some fields differently and do not agree on which fields
/// the checksum covers, so the wire name of each field and the checksum's fields are configuration, with defaults.
/// </summary>
public sealed class PayGovOptions
{
    public const string Section = "Payments:PayGov";

    /// <summary>The partner code the platform gave this system (<c>MaDoiTac</c>).</summary>
    public string PartnerCode { get; set; } = "";

    /// <summary>The shared secret of the checksums. Only from configuration; never logged. In demo mode without one, the sandbox makes one for the process.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>The platform's service (init and query messages); relative addresses are this MotCua's (the sandbox's, by default).</summary>
    public string ApiUrl { get; set; } = "/sandbox/paygov/api";

    /// <summary>Where the platform posts the outcome of a payment.</summary>
    public string NotifyUrl { get; set; } = "/api/payments/paygov/notify";

    public string Version { get; set; } = "2.0";

    [System.ComponentModel.DataAnnotations.Range(5, 1440)]
    public int ExpireMinutes { get; set; } = 15;

    /// <summary>
    /// <c>HMACSHA256</c> (the default: the hex HMAC of the checksum fields' values joined by <c>|</c>, keyed by the
    /// secret) or <c>SHA256</c> (the hex SHA-256 of the same values and the secret, joined by <c>|</c>).
    /// </summary>
    public string Hash { get; set; } = "HMACSHA256";

    /// <summary>The wire name of each field, by MotCua's name (<see cref="PayGovFields"/>); what it leaves out keeps its default.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>The fields (MotCua's names) each message's checksum covers, in order, by message type; what it leaves out keeps its default.</summary>
    public Dictionary<string, string[]> ChecksumFields { get; set; } = [];
}

/// <summary>MotCua's names of the platform's fields, and their default wire names (the platform's Vietnamese names).</summary>
public static class PayGovFields
{
    public const string MessageType = nameof(MessageType);
    public const string Version = nameof(Version);
    public const string Partner = nameof(Partner);
    public const string Reference = nameof(Reference);
    public const string Amount = nameof(Amount);
    public const string Currency = nameof(Currency);
    public const string Time = nameof(Time);
    public const string Language = nameof(Language);
    public const string Ip = nameof(Ip);
    public const string Description = nameof(Description);
    public const string Receipt = nameof(Receipt);
    public const string ReturnUrl = nameof(ReturnUrl);
    public const string NotifyUrl = nameof(NotifyUrl);
    public const string PayUrl = nameof(PayUrl);
    public const string TransactionNo = nameof(TransactionNo);
    public const string Bank = nameof(Bank);
    public const string ErrorCode = nameof(ErrorCode);
    public const string Message = nameof(Message);
    public const string Checksum = nameof(Checksum);

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        [MessageType] = "LoaiBanTin", [Version] = "PhienBan", [Partner] = "MaDoiTac", [Reference] = "MaThamChieu", [Amount] = "SoTien",
        [Currency] = "MaTienTe", [Time] = "ThoiGianGD", [Language] = "NgonNgu", [Ip] = "Ip", [Description] = "ThongTinGiaoDich",
        [Receipt] = "ThongTinBienLai", [ReturnUrl] = "UrlTraVe", [NotifyUrl] = "UrlThongBao", [PayUrl] = "UrlThanhToan",
        [TransactionNo] = "MaGiaoDich", [Bank] = "MaNganHang", [ErrorCode] = "MaLoi", [Message] = "MoTaLoi", [Checksum] = "MaXacThuc",
    };

    /// <summary>The message types (<c>LoaiBanTin</c>): start a payment, ask how it ended, its outcome, an answer.</summary>
    public const string Init = "init";
    public const string Query = "query";
    public const string Confirm = "confirm";
    public const string Answer = "answer";

    public static readonly IReadOnlyDictionary<string, string[]> DefaultChecksums = new Dictionary<string, string[]>
    {
        [Init] = [MessageType, Version, Partner, Reference, Amount, Currency, Time],
        [Query] = [MessageType, Version, Partner, Reference, Time],
        [Confirm] = [MessageType, Version, Partner, Reference, Amount, TransactionNo, ErrorCode, Time],
        [Answer] = [Partner, Reference, ErrorCode],
    };
}

/// <summary>The platform's messages: JSON objects with the configured wire names, signed over the configured fields.</summary>
public sealed class PayGovProtocol(PayGovOptions options)
{
    public const string TimeFormat = "yyyyMMddHHmmss";

    public string Name(string field) => options.Fields.GetValueOrDefault(field) ?? PayGovFields.Defaults[field];

    private string[] Covered(string messageType) => options.ChecksumFields.GetValueOrDefault(messageType) ?? PayGovFields.DefaultChecksums[messageType];

    /// <summary>A field's value as the checksum reads it (a string as is, anything else as its JSON text).</summary>
    private string? Value(JsonObject message, string field) =>
        message[Name(field)] is { } node ? node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString() : null;

    public string Checksum(JsonObject message, string messageType)
    {
        ArgumentNullException.ThrowIfNull(message);
        var values = Covered(messageType).Select(f => Value(message, f) ?? "");
        if (string.Equals(options.Hash, "SHA256", StringComparison.OrdinalIgnoreCase))
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', values.Append(options.SecretKey)))));
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.SecretKey), Encoding.UTF8.GetBytes(string.Join('|', values))));
    }

    /// <summary>Adds the checksum of <paramref name="messageType"/> to the message.</summary>
    public JsonObject Sign(JsonObject message, string messageType)
    {
        ArgumentNullException.ThrowIfNull(message);
        message[Name(PayGovFields.Checksum)] = Checksum(message, messageType);
        return message;
    }

    /// <summary>Whether the message carries this partner's code and a checksum that holds (compared in constant time).</summary>
    public bool Verify(JsonObject message, string messageType)
    {
        ArgumentNullException.ThrowIfNull(message);
        return options.SecretKey.Length > 0 && Value(message, PayGovFields.Partner) == options.PartnerCode && Value(message, PayGovFields.Checksum) is { Length: 64 } given
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(Checksum(message, messageType)));
    }

    public string? Text(JsonObject message, string field) => Value(message, field);

    /// <summary>A message with the fields every message carries.</summary>
    public JsonObject New(string messageType, string reference, DateTimeOffset at) => new()
    {
        [Name(PayGovFields.MessageType)] = messageType,
        [Name(PayGovFields.Version)] = options.Version,
        [Name(PayGovFields.Partner)] = options.PartnerCode,
        [Name(PayGovFields.Reference)] = reference,
        [Name(PayGovFields.Time)] = Infrastructure.VietnamTime.ToVietnam(at).ToString(TimeFormat, CultureInfo.InvariantCulture),
    };

    /// <summary>Amounts are whole đồng, written as digits.</summary>
    public static string Amount(decimal vnd) => ((long)vnd).ToString(CultureInfo.InvariantCulture);
}
