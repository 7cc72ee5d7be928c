using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Infrastructure.Background;

namespace MotCua.Features.NationalSync;

/// <summary>Configuration section "NationalSync": where the national portal takes the records, and how the outbox sends them.</summary>
public sealed class NationalSyncOptions
{
    public const string Section = "NationalSync";

    /// <summary>Whether steps are recorded for the portal at all (an office not yet connected may wait; nothing is lost before, nothing is sent).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The portal's dossier synchronisation service; a relative address is this MotCua's (the sandbox's, by default).</summary>
    public string Url { get; set; } = "/sandbox/dvcqg/api/dossiers";

    /// <summary>The access key the portal issued to this system, sent as a bearer token. Only from configuration; never logged.</summary>
    public string AccessKey { get; set; } = "";

    /// <summary>Whether this node sends (every node may: messages are claimed in batches).</summary>
    public bool DispatchEnabled { get; set; } = true;

    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many records are on their way at once (each to a different dossier: one dossier's go one after the other).</summary>
    [Range(1, 256)]
    public int Parallel { get; set; } = 16;

    /// <summary>How many records one round claims.</summary>
    [Range(1, 5000)]
    public int Batch { get; set; } = 400;

    /// <summary>How long the portal is given to answer; well under the lease, so that a late answer never overlaps a second sending.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest pause between two tries of a record the portal did not take (the pauses grow to it).</summary>
    public TimeSpan LongestPause { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The national status code of each of MotCua's states (<see cref="NationalStatuses"/>), by state name (<c>inProgress</c>…).</summary>
    public Dictionary<string, int> Statuses { get; set; } = [];

    public JobSchedule Schedule => new(DispatchEnabled, PollEvery, RunAtStart: true);
}

/// <summary>What the portal said of one record.</summary>
public enum PortalAnswer
{
    Acknowledged,

    /// <summary>The line, the portal's server or the time failed: the same record is tried again later.</summary>
    Unreachable,

    /// <summary>The portal read the record and refused it (its error code, a 4xx): it waits for a person.</summary>
    Refused,
}

/// <summary>
/// The adapter to the national public service portal's dossier synchronisation: one JSON record per request, the
/// access key as a bearer token; the portal answers <c>{ "error_code": "0", "message": … }</c> when it stored the
/// record. It stores a record once by dossier and step (<c>MaHoSo</c>, <c>ThuTu</c>), so sending again after a lost
/// answer is safe.
/// </summary>
public sealed class NationalPortal(IHttpClientFactory http, IOptions<NationalSyncOptions> options, PublicLinks links)
{
    public const string Client = "national-portal";

    public async Task<(PortalAnswer Answer, string? Error)> SendAsync(string record, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var client = http.CreateClient(Client);
            using var request = new HttpRequestMessage(HttpMethod.Post, links.Absolute(options.Value.Url)) { Content = new StringContent(record, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessKey);
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await ReadBoundedAsync(response, timeout.Token);
            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return (PortalAnswer.Unreachable, $"HTTP {(int)response.StatusCode}");
            }

            var (code, message) = Parse(body);
            return response.IsSuccessStatusCode && code == "0"
                ? (PortalAnswer.Acknowledged, null)
                : (PortalAnswer.Refused, $"{message} [{code ?? "HTTP " + (int)response.StatusCode}]".Trim());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (PortalAnswer.Unreachable, "timeout");
        }
        catch (HttpRequestException e)
        {
            return (PortalAnswer.Unreachable, e.Message);
        }
    }

    /// <summary>The answer's error code and message; an answer that is not the portal's JSON reads as a refusal with no code.</summary>
    private static (string? Code, string? Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var p)
                ? p.ValueKind == JsonValueKind.String ? p.GetString() : p.ToString()
                : null;
            return (Text("error_code"), Text("message"));
        }
        catch (JsonException)
        {
            return (null, body.Length > 200 ? body[..200] : body);
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new char[4096];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, ct);
        return new string(buffer, 0, read);
    }
}
