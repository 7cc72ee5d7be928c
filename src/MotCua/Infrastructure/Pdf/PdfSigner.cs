using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;
using MotCua.Infrastructure.Files;

namespace MotCua.Infrastructure.Pdf;

/// <summary>Configuration section "Signing": the agency's certificate for the results MotCua issues electronically.</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>A PKCS#12 file with the certificate and its private key; empty: a self-made demo CA, in demo mode only.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

/// <summary>
/// Signs PDFs with the agency's certificate (a PAdES-style CMS signature over the document's byte ranges, by
/// PDFsharp). Without a configured certificate, demo mode makes its own: a "MotCua demo CA" and a certificate it
/// issued, kept under the storage root so that signatures stay verifiable against the same CA across restarts.
/// </summary>
public sealed class PdfSigner(IOptions<SigningOptions> options, IOptions<StorageOptions> storage, IHostEnvironment env, IConfiguration configuration)
{
    private X509Certificate2? certificate;
    private readonly Lock gate = new();

    /// <summary>Whether results can be signed: a certificate configured, or demo mode.</summary>
    public bool Available => options.Value.CertificatePath is { Length: > 0 } || configuration.GetValue("Demo:Enabled", true);

    public byte[] Sign(byte[] pdf, string reason, string location)
    {
        using var input = new MemoryStream(pdf);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var signer = new PdfSharpDefaultSigner(Certificate(), PdfMessageDigestType.SHA256, null);
        DigitalSignatureHandler.ForDocument(document, signer, new DigitalSignatureOptions
        {
            Reason = reason, Location = location, AppName = "MotCua", Rectangle = new XRect(360, 740, 200, 60), PageIndex = 0,
        });
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    public X509Certificate2 Certificate()
    {
        lock (gate)
        {
            return certificate ??= Load();
        }
    }

    private X509Certificate2 Load()
    {
        if (options.Value.CertificatePath is { Length: > 0 } path)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.Value.CertificatePassword);
        }

        var file = Path.Combine(storage.Value.FolderFor("signing", env), "demo-agency.pfx");
        if (File.Exists(file))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, null);
        }

        using var caKey = RSA.Create(3072);
        var caRequest = new CertificateRequest("CN=MotCua demo CA (không dùng thật), O=MotCua, C=VN", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Cơ quan giải quyết thủ tục hành chính (dữ liệu minh hoạ), O=MotCua demo, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);
        var pfx = withKey.Export(X509ContentType.Pfx);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }
}
