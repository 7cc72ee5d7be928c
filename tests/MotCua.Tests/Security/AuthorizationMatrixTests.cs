using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Tests.Security;

/// <summary>
/// Every endpoint the app maps (read from its own endpoint list) × anonymous, an officer of another ward and each
/// role: the rule each endpoint follows is written down here (docs/access.md is the same matrix for people), and an
/// endpoint without a rule fails the suite, so no new endpoint ships without one.
/// </summary>
public abstract class AuthorizationMatrixTests(TestApp fixture)
{
    private readonly TestApp app = Databases.Use(fixture);

    /// <summary>Who may pass an endpoint's authorisation (its scope still bounds what they then see).</summary>
    public enum Rule
    {
        Public,
        Staff,
        Counter,
        QueueOffice,
        Reports,
        Management,
        Administrator,

        /// <summary>A citizen signed in to the portal, and nobody else.</summary>
        Citizen,

        /// <summary>Anyone signed in, staff or citizen.</summary>
        SignedIn,
    }

    private static readonly (string Username, string Role)[] Identities =
    [
        ("", "anonymous"),
        ("canbo.phuongkhac", "OneStopOfficer"), // another ward's officer
        ("canbo.trungvan", "OneStopOfficer"),
        ("chuyenvien.trungvan", "Specialist"),
        ("lanhdao.trungvan", "Leader"),
        ("admin", "Administrator"),
        ("001090123456", "Citizen"), // a citizen's portal account: no staff page or route
    ];

    /// <summary>The matrix: "METHOD route" (pages: "PAGE /Folder/Name") → rule.</summary>
    private static readonly Dictionary<string, Rule> Matrix = new()
    {
        ["GET /health/live"] = Rule.Public,
        ["GET /health/ready"] = Rule.Public,
        ["GET /openapi/{documentName}.json"] = Rule.Public,
        ["GET /culture"] = Rule.Public,
        ["GET /api/public/dossiers/{code}"] = Rule.Public,
        ["GET /hubs/queue/negotiate"] = Rule.Public,
        ["GET /hubs/queue"] = Rule.Public,
        ["GET /api-reference/scalar.js"] = Rule.Public,
        ["GET /api-reference/scalar.aspnetcore.js"] = Rule.Public,
        ["GET /api-reference/favicon.svg"] = Rule.Public,
        ["GET /api-reference/{documentName?}"] = Rule.Public,
        ["PAGE /Accounts/Login"] = Rule.Public,
        ["PAGE /Calendar/Index"] = Rule.Public,
        ["PAGE /Catalog/ForCitizens/Details"] = Rule.Public,
        ["PAGE /Catalog/ForCitizens/Index"] = Rule.Public,
        ["PAGE /Dossiers/Track"] = Rule.Public,
        ["PAGE /Error"] = Rule.Public,
        ["PAGE /Feedback/Rate"] = Rule.Public,
        ["PAGE /Index"] = Rule.Public,
        ["PAGE /Queue/Board"] = Rule.Public,
        ["PAGE /Queue/Book"] = Rule.Public,
        ["PAGE /Queue/Kiosk"] = Rule.Public,
        ["PAGE /Queue/Ticket"] = Rule.Public,
        ["PAGE /Reports/PublicBoard"] = Rule.Public,
        ["POST /api/auth/token"] = Rule.Public,
        ["GET /api/offices"] = Rule.Public,
        ["GET /api/units"] = Rule.Public,
        ["GET /api/units/{code}"] = Rule.Public,
        ["GET /api/calendar/due-date"] = Rule.Public,
        ["GET /api/calendar/{year:int}"] = Rule.Public,
        ["GET /api/procedures/"] = Rule.Public,
        ["GET /api/procedures/{code}"] = Rule.Public,
        ["GET /api/queue/services"] = Rule.Public,
        ["GET /api/queue/board"] = Rule.Public,
        ["GET /api/queue/tickets/{id:guid}"] = Rule.Public,
        ["GET /api/queue/slots"] = Rule.Public,
        ["POST /api/queue/appointments"] = Rule.Public,
        ["POST /api/queue/check-in"] = Rule.Public,
        ["POST /api/queue/tickets"] = Rule.Public,
        ["POST /api/queue/booking-codes"] = Rule.Public,
        ["GET /api/queue/kiosks/"] = Rule.Management,
        ["POST /api/queue/kiosks/"] = Rule.Management,
        ["DELETE /api/queue/kiosks/{id:guid}"] = Rule.Management,
        ["POST /api/evaluations/"] = Rule.Public,
        ["GET /hubs/counter/negotiate"] = Rule.Staff,
        ["GET /hubs/counter"] = Rule.Staff,
        ["GET /api/inbox"] = Rule.Staff,
        ["PAGE /Accounts/Index"] = Rule.Staff,
        ["PAGE /Accounts/Logout"] = Rule.Public, // its GET goes home; signing out needs the form's token
        ["PAGE /Calendar/Offices"] = Rule.Staff,
        ["PAGE /Catalog/Details"] = Rule.Staff,
        ["PAGE /Catalog/Export"] = Rule.Staff,
        ["PAGE /Catalog/Index"] = Rule.Staff,
        ["PAGE /Citizens/Index"] = Rule.Staff,
        ["PAGE /Citizens/Record"] = Rule.Staff,
        ["PAGE /Dossiers/LogBook"] = Rule.Staff,
        ["PAGE /Dossiers/Receipt"] = Rule.Staff,
        ["PAGE /Notifications/Index"] = Rule.Staff,
        ["PAGE /Units/Index"] = Rule.Staff,
        ["PAGE /Workflow/ControlSlip"] = Rule.Staff,
        ["PAGE /Workflow/Dossier"] = Rule.Staff,
        ["PAGE /Workflow/Index"] = Rule.Staff,
        ["POST /api/auth/logout"] = Rule.SignedIn,
        ["GET /api/accounts/me"] = Rule.Staff,
        ["GET /api/accounts/{username}"] = Rule.Staff,
        ["GET /api/calendar/{year:int}/official"] = Rule.Staff,
        ["GET /api/catalog/export"] = Rule.Staff,
        ["POST /api/id-cards/parse"] = Rule.Staff,
        ["POST /api/id-cards/decode"] = Rule.Staff,
        ["GET /api/citizens/"] = Rule.Staff,
        ["GET /api/citizens/{idNumber}"] = Rule.Staff,
        ["POST /api/organisations/"] = Rule.Staff,
        ["GET /api/organisations/"] = Rule.Staff,
        ["POST /api/citizens/{idNumber}/documents/"] = Rule.Staff,
        ["GET /api/citizens/{idNumber}/documents/"] = Rule.Staff,
        ["GET /api/citizens/{idNumber}/documents/{id:guid}/file"] = Rule.Staff,
        ["GET /api/dossiers/{code}"] = Rule.Staff,
        ["GET /api/dossiers/{code}/receipt.pdf"] = Rule.Staff,
        ["GET /api/dossiers/{code}/verify"] = Rule.Staff,
        ["POST /api/dossiers/{code}/actions"] = Rule.Staff,
        ["GET /api/dossiers/{code}/progress"] = Rule.Staff,
        ["GET /api/dossiers/{code}/control-slip.pdf"] = Rule.Staff,
        ["GET /api/dossiers/{code}/apologies/{id:guid}.pdf"] = Rule.Staff,
        ["GET /api/dossiers/{code}/stop-notice.pdf"] = Rule.Staff,
        ["GET /api/notifications/"] = Rule.Staff,
        ["POST /api/notifications/{id:guid}/read"] = Rule.Staff,
        ["GET /api/evaluations/counter-prompt"] = Rule.Staff,
        ["PAGE /Workflow/Return"] = Rule.Counter,
        ["PAGE /Dossiers/Today"] = Rule.Counter,
        ["PAGE /Intake/Guidance"] = Rule.Counter,
        ["PAGE /Intake/Index"] = Rule.Counter,
        ["PAGE /Intake/Screen"] = Rule.Counter,
        ["PAGE /Queue/Figures"] = Rule.QueueOffice,
        ["PAGE /Queue/Index"] = Rule.Counter,
        ["PAGE /Queue/Settings"] = Rule.QueueOffice,
        ["POST /api/dossiers/"] = Rule.Counter,
        ["GET /api/queue/figures"] = Rule.QueueOffice,
        ["GET /api/queue/counters/"] = Rule.Counter,
        ["POST /api/queue/counters/{counterId:guid}/call-next"] = Rule.Counter,
        ["POST /api/queue/counters/{counterId:guid}/call"] = Rule.Counter,
        ["POST /api/queue/counters/{counterId:guid}/park"] = Rule.Counter,
        ["POST /api/queue/counters/{counterId:guid}/recall"] = Rule.Counter,
        ["POST /api/queue/counters/{counterId:guid}/done"] = Rule.Counter,
        ["POST /api/queue/counters/{counterId:guid}/no-show"] = Rule.Counter,
        ["POST /api/queue/counters/{counterId:guid}/transfer"] = Rule.Counter,
        ["PAGE /Reports/Dossiers"] = Rule.Reports,
        ["PAGE /Reports/Index"] = Rule.Reports,
        ["PAGE /Reports/Monthly"] = Rule.Reports,
        ["GET /api/reports/service-index"] = Rule.Reports,
        ["GET /api/reports/dashboard"] = Rule.Reports,
        ["GET /api/reports/dossiers"] = Rule.Reports,
        ["PAGE /Calendar/Edit"] = Rule.Administrator,
        ["PAGE /Catalog/Import"] = Rule.Administrator,
        ["PAGE /Catalog/NewVersion"] = Rule.Administrator,
        ["PAGE /Units/Edit"] = Rule.Administrator,
        ["PAGE /Operations/Index"] = Rule.Administrator,
        ["GET /api/operations/status"] = Rule.Administrator,
        ["DELETE /api/accounts/{username}/sessions"] = Rule.Administrator,
        ["POST /api/accounts/{username}/disable"] = Rule.Administrator,
        ["POST /api/accounts/{username}/enable"] = Rule.Administrator,
        ["PUT /api/calendar/{year:int}/official"] = Rule.Administrator,
        ["POST /api/catalog/import"] = Rule.Administrator,
        ["PAGE /Accounts/CitizenLogin"] = Rule.Public,
        ["PAGE /Accounts/CitizenRegister"] = Rule.Public,
        ["GET /cong-dan/dinh-danh"] = Rule.Public, // the national identity sign-in: a redirect to the provider
        ["PAGE /Sandbox/Authorize"] = Rule.Public, // the sandbox provider's sign-in: 404 outside an authorization request
        ["PAGE /Portal/Index"] = Rule.Citizen,
        ["PAGE /Portal/Apply"] = Rule.Citizen,
        ["PAGE /Portal/Dossier"] = Rule.Citizen,
        ["PAGE /Portal/AccessLog"] = Rule.Citizen,
        ["PAGE /Payments/CitizenFees"] = Rule.Citizen,
        ["PAGE /Payments/Dossier"] = Rule.Staff,
        ["PAGE /Payments/Reconciliation"] = Rule.QueueOffice,
        ["PAGE /Payments/Return"] = Rule.Public, // shows what MotCua recorded for a signed gateway answer, nothing personal
        ["PAGE /Payments/VnPay/SandboxPay"] = Rule.Public, // the sandbox gateway's page: refuses an unsigned request
        ["GET /api/portal/me"] = Rule.Citizen,
        ["POST /api/portal/dossiers"] = Rule.Citizen,
        ["GET /api/portal/dossiers"] = Rule.Citizen,
        ["GET /api/portal/dossiers/{reference}"] = Rule.Citizen,
        ["POST /api/portal/dossiers/{reference}/withdraw"] = Rule.Citizen,
        ["POST /api/portal/dossiers/{reference}/supplement"] = Rule.Citizen,
        ["POST /api/portal/documents"] = Rule.Citizen,
        ["GET /api/portal/access-log"] = Rule.Citizen,
        ["POST /api/portal/drafts"] = Rule.Citizen,
        ["PUT /api/portal/drafts/{reference}"] = Rule.Citizen,
        ["POST /api/portal/drafts/{reference}/submit"] = Rule.Citizen,
        ["GET /api/portal/messages"] = Rule.Citizen,
        ["GET /api/dossiers/{code}/fees"] = Rule.Staff,
        ["PUT /api/dossiers/{code}/fees/{line:int}"] = Rule.Counter,
        ["GET /api/dossiers/{code}/payments"] = Rule.Staff,
        ["POST /api/dossiers/{code}/payments"] = Rule.Counter,
        ["GET /api/portal/dossiers/{reference}/fees"] = Rule.Citizen,
        ["POST /api/portal/dossiers/{reference}/payments"] = Rule.Citizen,
        ["GET /api/payments/{id:guid}/receipt.pdf"] = Rule.SignedIn,
        ["GET /api/payments/vnpay/ipn"] = Rule.Public,
        ["POST /api/payments/{id:guid}/refund"] = Rule.Management,
        ["POST /api/payments/paygov/notify"] = Rule.Public, // the platform's notification: refused without its checksum
        ["POST /sandbox/paygov/api"] = Rule.Public,
        ["PAGE /Payments/PayGov/SandboxPay"] = Rule.Public, // the sandbox platform's page: nothing without an open bill
        ["POST /sandbox/vnpay/api"] = Rule.Public,
        ["PAGE /NationalSync/Index"] = Rule.Management,
        ["PAGE /Staffing/Index"] = Rule.Staff,
        ["PAGE /Reform/Index"] = Rule.Reports,
        ["GET /api/reform/plans"] = Rule.Reports,
        ["GET /api/reform/plans/{id:guid}"] = Rule.Reports,
        ["POST /api/reform/plans"] = Rule.Management,
        ["POST /api/reform/plans/{id:guid}/targets/{targetId:guid}/report"] = Rule.Management,
        ["GET /api/reform/findings"] = Rule.Reports,
        ["POST /api/reform/findings"] = Rule.Management,
        ["POST /api/reform/findings/{id:guid}/done"] = Rule.Management,
        ["GET /api/reform/index/{year:int}"] = Rule.Reports,
        ["PUT /api/reform/index/{year:int}/{unitCode}/{criterion}"] = Rule.Management, // self: the unit's leaders; appraised: the unit above's
        ["POST /api/reform/index/{year:int}/{unitCode}/measure"] = Rule.Management,
        ["POST /api/reform/index/{year:int}/{unitCode}/{criterion}/evidence"] = Rule.Management,
        ["GET /api/reform/index/{year:int}/{unitCode}/{criterion}/evidence.pdf"] = Rule.Reports,
        ["GET /api/reform/ranking/{year:int}"] = Rule.Reports,
        ["GET /api/reform/ranking/{year:int}.xlsx"] = Rule.Reports,
        ["GET /api/reform/ranking/{year:int}.pdf"] = Rule.Reports,
        ["GET /api/reform/report.pdf"] = Rule.Reports,
        ["GET /api/reform/report.xlsx"] = Rule.Reports,
        ["GET /api/reform/legal-documents"] = Rule.Reports,
        ["POST /api/reform/legal-documents"] = Rule.Management,
        ["PUT /api/reform/legal-documents/{id:guid}/review"] = Rule.Management,
        ["PAGE /Reform/Ranking"] = Rule.Reports,
        ["PAGE /Reform/Edit"] = Rule.Reports,
        ["GET /api/reform/committees"] = Rule.Reports,
        ["POST /api/reform/committees"] = Rule.Management,
        ["POST /api/reform/committees/{id:guid}/meetings"] = Rule.Management,
        ["PAGE /Reform/Score"] = Rule.Reports,
        ["PAGE /Staffing/People"] = Rule.Staff, // its forms: the unit's leaders (and those above) only
        ["PAGE /Staffing/Plans"] = Rule.Staff,
        ["PAGE /Staffing/Plan"] = Rule.Staff,
        ["GET /api/staffing/quotas"] = Rule.Staff,
        ["PUT /api/staffing/quotas/{unitCode}/{year:int}"] = Rule.Staff, // then the unit above's leaders only (403 for the rest)
        ["POST /api/staffing/positions"] = Rule.Staff, // then the unit's leaders only
        ["POST /api/staffing/people"] = Rule.Staff,
        ["POST /api/staffing/people/{id:guid}/positions"] = Rule.Staff,
        ["PUT /api/staffing/people/{id:guid}/exemption"] = Rule.Staff,
        ["GET /api/staffing/rotation/due"] = Rule.Staff,
        ["POST /api/staffing/import"] = Rule.Management,
        ["GET /api/staffing/rotation/report"] = Rule.Staff,
        ["GET /api/staffing/report.pdf"] = Rule.Staff,
        ["GET /api/staffing/report.xlsx"] = Rule.Staff,
        ["POST /api/staffing/rotation-plans"] = Rule.Staff,
        ["GET /api/staffing/rotation-plans/{id:guid}"] = Rule.Staff,
        ["POST /api/staffing/rotation-plans/{id:guid}/execute"] = Rule.Staff,
        ["GET /api/national-sync/failures"] = Rule.Management,
        ["POST /api/national-sync/failures/{id:guid}/retry"] = Rule.Management,
        ["POST /sandbox/dvcqg/api/dossiers"] = Rule.Public, // the sandbox portal: refuses a request without the access key
        ["GET /sandbox/dvcqg/dossiers/{code}"] = Rule.Staff,
        ["PAGE /Workflow/Online"] = Rule.Counter,
        ["GET /api/online/{reference}"] = Rule.Counter,
        ["POST /api/online/{reference}/accept"] = Rule.Counter,
        ["POST /api/online/{reference}/supplement"] = Rule.Counter,
        ["POST /api/online/{reference}/refuse"] = Rule.Counter,
    };

    private static bool Allows(Rule rule, string role) => rule switch
    {
        Rule.Public => true,
        Rule.Citizen => role == "Citizen",
        Rule.SignedIn => role != "anonymous",
        _ when role == "Citizen" => false,
        Rule.Staff => role != "anonymous",
        Rule.Counter => role is "OneStopOfficer", // and leaders of an office that lets them (LeadersAtCounterTests)
        Rule.QueueOffice => role is "OneStopOfficer" or "Leader" or "Administrator",
        Rule.Reports or Rule.Management => role is "Leader" or "Administrator",
        Rule.Administrator => role == "Administrator",
        _ => false,
    };

    [SkippableFact]
    public void Every_endpoint_has_a_rule()
    {
        var missing = Endpoints().Select(e => e.Key).Where(k => !Matrix.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a rule in the matrix:\n" + string.Join("\n", missing.Select(k => $"        [\"{k}\"] = Rule.,")));
        var gone = Matrix.Keys.Except(Endpoints().Select(e => e.Key)).ToList();
        Assert.True(gone.Count == 0, "Rules for endpoints that no longer exist:\n" + string.Join("\n", gone));
    }

    [SkippableFact]
    public async Task Every_endpoint_lets_in_exactly_the_identities_its_rule_names()
    {
        var wrong = new List<string>();
        foreach (var (username, role) in Identities)
        {
            using var api = username.Length == 0 ? app.CreateClient(new() { AllowAutoRedirect = false }) : await app.ClientForAsync(username);
            using var pages = username.Length == 0 ? Pages.Browser(app) : await Pages.SignedInAsync(app, username);
            foreach (var (key, method, path, page) in Endpoints())
            {
                if (!Matrix.TryGetValue(key, out var rule) || (key == "POST /api/auth/logout" && username.Length > 0))
                {
                    continue; // a missing rule fails the test above; logging out would end the shared token
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await (page ? pages : api).SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var refused = status is 401 or 403
                    || (status == 302 && (location.Contains("/Accounts/Login", StringComparison.Ordinal) || location.Contains("/cong-dan/dang-nhap", StringComparison.Ordinal)
                        || location.Contains("/Error/403", StringComparison.Ordinal)));
                var expectedRefusal = !Allows(rule, role);
                if (refused != expectedRefusal || status >= 500)
                {
                    wrong.Add($"{key} as {(username.Length == 0 ? "anonymous" : username)}: {status} {location} (rule {rule})");
                }
                else if (expectedRefusal && !page && status != (role == "anonymous" ? 401 : 403))
                {
                    wrong.Add($"{key} as {(username.Length == 0 ? "anonymous" : username)}: {status}, expected {(role == "anonymous" ? 401 : 403)}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The app's endpoints, each with a request path whose parameters are filled with harmless values.</summary>
    private IEnumerable<(string Key, string Method, string Path, bool Page)> Endpoints()
    {
        var seen = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } pageAction)
            {
                var key = $"PAGE {pageAction.ViewEnginePath}";
                if (seen.Add(key))
                {
                    yield return (key, "GET", Fill(pattern), true);
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var key = $"{method} {raw}";
                if (seen.Add(key))
                {
                    // Hubs are reached from pages, with the cookie.
                    yield return (key, method, Fill(pattern), raw.StartsWith("/hubs/", StringComparison.Ordinal));
                }
            }
        }
    }

    private static string Fill(RoutePattern pattern)
    {
        var parts = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Value(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', parts.Where(p => p.Length > 0));
    }

    private static string Value(RoutePatternParameterPart parameter)
    {
        if (parameter.IsOptional)
        {
            return "";
        }

        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        return constraints.Contains("guid") ? Guid.Empty.ToString()
            : constraints.Contains("int") ? "2026"
            : parameter.Name switch
            {
                "office" => "001.00.61.H26",
                "idNumber" => "001090000000",
                "username" => "nobody.here",
                _ => "000.00.00.H26-260101-9999",
            };
    }
}

/// <summary><see cref="AuthorizationMatrixTests"/> on SQLite.</summary>
public sealed class AuthorizationMatrixTestsOnSqlite(TestApp app) : AuthorizationMatrixTests(app), IClassFixture<TestApp>;

/// <summary><see cref="AuthorizationMatrixTests"/> on PostgreSQL.</summary>
public sealed class AuthorizationMatrixTestsOnPostgres(PostgresTestApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresTestApp>;
