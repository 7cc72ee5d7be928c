using MotCua.Features.Payments.VnPay;

namespace MotCua.Tests.Features.Payments;

/// <summary>
/// VNPay 2.1.0's checksums against published vectors: the IPN of the open-source "vnpay" library's tests
/// (github.com/lehuygiang28/vnpay, test/verify-ipn-call.test.ts: terminal TEST_TMN_CODE, secret "test_secret"), whose
/// hashes VNPay's own sandbox accepted in that library's integration tests.
/// </summary>
public sealed class VnPayProtocolTests
{
    private static Dictionary<string, string> PublishedIpn(string responseCode) => new()
    {
        ["vnp_Amount"] = "1000000",
        ["vnp_BankCode"] = "NCB",
        ["vnp_BankTranNo"] = "VNP14422574",
        ["vnp_CardType"] = "ATM",
        ["vnp_OrderInfo"] = "Thanh toan don hang 2024-05-21T02:17:31.249Z",
        ["vnp_PayDate"] = "20240521091806",
        ["vnp_ResponseCode"] = responseCode,
        ["vnp_TmnCode"] = "TEST_TMN_CODE",
        ["vnp_TransactionNo"] = "14422574",
        ["vnp_TransactionStatus"] = "00",
        ["vnp_TxnRef"] = "1716257871703",
    };

    [Theory]
    [InlineData("00", "649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895")]
    [InlineData("99", "503194f6d93b57b357b2d1d09742565e67e86d771352c5dca4fc8d39df3d392c6b3809add9405f97cfb9631f445e36c80656cfbf47eac67d97fa165865c13e1b")]
    public void The_published_IPN_vectors_sign_and_verify(string responseCode, string published)
    {
        var fields = PublishedIpn(responseCode);
        Assert.Equal(published, VnPayProtocol.Sign(fields, "test_secret"));
        fields[VnPayProtocol.SecureHash] = published;
        Assert.True(VnPayProtocol.Verify(fields, "test_secret"));
        Assert.True(VnPayProtocol.Verify(fields.Select(f => f.Key == VnPayProtocol.SecureHash ? new KeyValuePair<string, string>(f.Key, f.Value.ToUpperInvariant()) : f), "test_secret"));

        // The vector's hash over other fields, another secret, or none at all: refused.
        fields["vnp_Amount"] = "1000100";
        Assert.False(VnPayProtocol.Verify(fields, "test_secret"));
        fields["vnp_Amount"] = "1000000";
        Assert.False(VnPayProtocol.Verify(fields, "another_secret"));
        fields.Remove(VnPayProtocol.SecureHash);
        Assert.False(VnPayProtocol.Verify(fields, "test_secret"));
    }

    [Fact]
    public void The_pay_URL_carries_the_fields_form_encoded_and_its_checksum_verifies()
    {
        var fields = new Dictionary<string, string>
        {
            ["vnp_Version"] = "2.1.0", ["vnp_Command"] = "pay", ["vnp_TmnCode"] = "TEST_TMN_CODE", ["vnp_Amount"] = "100000", ["vnp_CurrCode"] = "VND",
            ["vnp_TxnRef"] = "ref1234567", ["vnp_OrderInfo"] = "Test order", ["vnp_OrderType"] = "other", ["vnp_Locale"] = "vn",
            ["vnp_ReturnUrl"] = "https://example.com/return", ["vnp_IpAddr"] = "127.0.0.1", ["vnp_CreateDate"] = "20210101070000", ["vnp_BankCode"] = "",
        };
        var url = VnPayProtocol.PayUrl("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", fields, "test_secret");
        // What the library's URL test expects of the same request.
        Assert.Contains("vnp_Amount=100000", url, StringComparison.Ordinal);
        Assert.Contains("vnp_OrderInfo=Test+order", url, StringComparison.Ordinal);
        Assert.Contains("vnp_ReturnUrl=https%3A%2F%2Fexample.com%2Freturn", url, StringComparison.Ordinal);
        Assert.DoesNotContain("vnp_BankCode", url, StringComparison.Ordinal); // an empty field is neither sent nor signed
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query).Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()));
        Assert.True(VnPayProtocol.Verify(query, "test_secret"));
    }

    [Theory]
    [InlineData("Lệ phí hồ sơ 001.00.61.H26-270301-0001", "Le phi ho so 001.00.61.H26-270301-0001")]
    [InlineData("Đăng ký  khai sinh; (bản sao)!", "Dang ky khai sinh ban sao")]
    public void Order_info_is_Vietnamese_without_diacritics_or_special_signs(string text, string plain) =>
        Assert.Equal(plain, VnPayProtocol.Plain(text));

    [Fact]
    public void The_merchant_API_signs_values_joined_by_a_pipe_in_the_documented_order()
    {
        // querydr's order: vnp_RequestId|vnp_Version|vnp_Command|vnp_TmnCode|vnp_TxnRef|vnp_TransactionDate|vnp_CreateDate|vnp_IpAddr|vnp_OrderInfo
        var request = new Dictionary<string, string?>
        {
            ["vnp_OrderInfo"] = "Truy van giao dich 1716257871703", ["vnp_IpAddr"] = "127.0.0.1", ["vnp_CreateDate"] = "20240521100000",
            ["vnp_TransactionDate"] = "20240521091806", ["vnp_TxnRef"] = "1716257871703", ["vnp_TmnCode"] = "TEST_TMN_CODE", ["vnp_Command"] = "querydr",
            ["vnp_Version"] = "2.1.0", ["vnp_RequestId"] = "REQ1",
        };
        // HMAC-SHA512("test_secret", "REQ1|2.1.0|querydr|TEST_TMN_CODE|1716257871703|20240521091806|20240521100000|127.0.0.1|Truy van giao dich 1716257871703"), computed apart (Python's hmac).
        Assert.Equal(
            "dea3eb93a2cbf362c03254f37a17b48ba324432ccf644125fbb275f6692c1bdcb832621dd395c46fa66909776ad2457c3692b81910864c049228c3856b594e34",
            VnPayProtocol.SignPiped(request, VnPayProtocol.QueryRequestFields, "test_secret"));
    }
}
