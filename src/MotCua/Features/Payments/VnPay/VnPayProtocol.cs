using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Features.Payments.VnPay;

/// <summary>
/// VNPay's payment gateway, version 2.1.0, as its public integration documents define it
/// (sandbox.vnpayment.vn/apis/docs: "thanh-toan-pay/pay.html" and "truy-van-hoan-tien/querydr&amp;refund.html").
/// A redirect message (the pay URL, the return URL, the IPN) is signed with HMAC-SHA512 over its <c>vnp_</c> fields
/// sorted by name, each name and value URL-encoded as HTML forms are (space as <c>+</c>, other bytes as upper-case
/// <c>%XX</c>), joined with <c>&amp;</c>; the merchant web API (querydr, refund) signs its JSON fields' values joined
/// with <c>|</c> in the order the document gives. Times are Vietnam time, <c>yyyyMMddHHmmss</c>; amounts are VND × 100.
/// </summary>
public static class VnPayProtocol
{
    public const string Version = "2.1.0";
    public const string SecureHash = "vnp_SecureHash";
    public const string SecureHashType = "vnp_SecureHashType";
    public const string TimeFormat = "yyyyMMddHHmmss";

    /// <summary>The field order of the querydr request's checksum.</summary>
    public static readonly string[] QueryRequestFields = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"];

    /// <summary>The field order of the querydr response's checksum.</summary>
    public static readonly string[] QueryResponseFields =
    [
        "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
        "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount",
    ];

    /// <summary>The field order of the refund request's checksum.</summary>
    public static readonly string[] RefundRequestFields =
    [
        "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo",
        "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
    ];

    /// <summary>The field order of the refund response's checksum.</summary>
    public static readonly string[] RefundResponseFields =
    [
        "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
        "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
    ];

    /// <summary>The checksum of a redirect message: every non-empty <c>vnp_</c> field but the hash itself, sorted by name.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var data = string.Join('&', fields
            .Where(f => f.Key.StartsWith("vnp_", StringComparison.Ordinal) && f.Key is not (SecureHash or SecureHashType) && !string.IsNullOrEmpty(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => Encode(f.Key) + "=" + Encode(f.Value)));
        return Hmac(data, secret);
    }

    /// <summary>Whether a redirect message (return URL or IPN) carries the checksum of its fields; compared in constant time.</summary>
    public static bool Verify(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        var list = fields.ToList();
        var given = list.FirstOrDefault(f => f.Key == SecureHash).Value;
        return given is { Length: 128 } && Same(given, Sign(list, secret));
    }

    /// <summary>The checksum of a merchant web API message: the named fields' values in order, joined with <c>|</c>.</summary>
    public static string SignPiped(IReadOnlyDictionary<string, string?> fields, IEnumerable<string> order, string secret)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Hmac(string.Join('|', order.Select(k => fields.GetValueOrDefault(k) ?? "")), secret);
    }

    public static bool VerifyPiped(IReadOnlyDictionary<string, string?> fields, IEnumerable<string> order, string secret) =>
        fields.GetValueOrDefault(SecureHash) is { Length: 128 } given && Same(given, SignPiped(fields, order, secret));

    /// <summary>The pay URL: the fields and their checksum on the gateway's address.</summary>
    public static string PayUrl(string gateway, IEnumerable<KeyValuePair<string, string>> fields, string secret) =>
        $"{gateway}{(gateway.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{SignedQuery(fields, secret)}";

    /// <summary>The fields (the empty ones left out, sorted) as a query string, with their checksum: a pay request, an IPN, a return address.</summary>
    public static string SignedQuery(IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        var list = fields.Where(f => !string.IsNullOrEmpty(f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        return string.Join('&', list.Select(f => Encode(f.Key) + "=" + Encode(f.Value))) + $"&{SecureHash}={Sign(list, secret)}";
    }

    /// <summary>Form URL-encoding as the gateway's reference code does it: letters, digits and <c>-_.</c> stay; space is <c>+</c>; every other UTF-8 byte is <c>%XX</c>.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Order info as the gateway wants it: Vietnamese without diacritics, letters, digits, spaces and a few signs, at most 255 characters.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/' ? c : ' ');
        }

        var plain = string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return plain.Length > 255 ? plain[..255] : plain;
    }

    public static string Time(DateTimeOffset instant) => Infrastructure.VietnamTime.ToVietnam(instant).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, Infrastructure.VietnamTime.Offset)
            : null;

    private static string Hmac(string data, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
    }

    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
}
