using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using MotCua.Infrastructure.Telemetry;
using MotCua.Infrastructure.Text;


namespace MotCua.Infrastructure.Web;

/// <summary>Configuration section "RateLimiting": requests a minute per client address on public endpoints.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int PublicPerMinute { get; set; } = 300;
}

/// <summary>
/// Configuration section "Live": how often a page's live region (dashboards, boards, a ticket, reports being made) asks
/// the server again and updates its figures in place, without reloading the page.
/// </summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int Seconds { get; set; } = 30;
}

/// <summary>The shell every page and endpoint lives in: localisation, errors, limits, OpenAPI, health, logs.</summary>
public static class WebShellModule
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static IServiceCollection AddWebShell(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // Every page is staff's, but the citizen's (the portal's folder, and a capability's page that declares the
                // citizen policy itself) and the public pages ([AllowAnonymous]).
                o.Conventions.AddFolderApplicationModelConvention("/", page =>
                {
                    var citizens = page.ViewEnginePath.StartsWith("/Portal/", StringComparison.Ordinal)
                        || page.ModelType?.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), true)
                            .OfType<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Any(a => a.Policy == Features.Accounts.Contracts.Policies.Citizen) == true;
                    if (!citizens)
                    {
                        page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Features.Accounts.Contracts.Policies.Staff));
                    }
                });
                o.Conventions.AuthorizeFolder("/Portal", Features.Accounts.Contracts.Policies.Citizen);
                o.Conventions.AllowAnonymousToPage("/Accounts/CitizenLogin");
                o.Conventions.AllowAnonymousToPage("/Accounts/CitizenRegister");
                o.Conventions.AllowAnonymousToFolder("/Sandbox");
                // The role × action matrix (docs/access.md); public pages in these folders are [AllowAnonymous].
                o.Conventions.AuthorizeFolder("/Intake", Features.Accounts.Contracts.Policies.Counter);
                o.Conventions.AuthorizePage("/Queue/Index", Features.Accounts.Contracts.Policies.Counter);
                o.Conventions.AuthorizePage("/Queue/Figures", Features.Accounts.Contracts.Policies.QueueOffice);
                o.Conventions.AuthorizePage("/Queue/Settings", Features.Accounts.Contracts.Policies.QueueOffice);
                o.Conventions.AuthorizePage("/Payments/Reconciliation", Features.Accounts.Contracts.Policies.QueueOffice); // the office's counter staff and leaders
                o.Conventions.AuthorizeFolder("/NationalSync", Features.Accounts.Contracts.Policies.Management); // what the office's records to the national portal wait for
                o.Conventions.AuthorizePage("/Workflow/Return", Features.Accounts.Contracts.Policies.Counter);
                o.Conventions.AuthorizePage("/Workflow/Online", Features.Accounts.Contracts.Policies.Counter);
                o.Conventions.AuthorizePage("/Dossiers/Today", Features.Accounts.Contracts.Policies.Counter);
                o.Conventions.AuthorizeFolder("/Reports", Features.Accounts.Contracts.Policies.Reports);
                o.Conventions.AuthorizeFolder("/Reform", Features.Accounts.Contracts.Policies.Reports); // leaders and administrators
                o.Conventions.AllowAnonymousToPage("/Accounts/Login");
                o.Conventions.AllowAnonymousToPage("/Accounts/Logout"); // staff and citizens sign out alike
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Index");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Pages: a query or the cookie the language links set (a Vietnamese office's browsers often say English);
            // the API also honours Accept-Language, as scripts expect.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new ApiAcceptLanguage()];
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<UnexpectedErrorHandler>();

        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy("public", ctx =>
            {
                var perMinute = ctx.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PublicPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (ctx, ct) =>
            {
                var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                ctx.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                ctx.HttpContext.RequestServices.GetRequiredService<AppMetrics>().RateLimited();
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: Texts.Get("Common.TooManyRequests"),
                        detail: Texts.Get("Common.RetryAfter", retryAfter))
                    .ExecuteAsync(ctx.HttpContext);
            };
        });

        // Vietnamese letters are written as they are, not as &#x...; entities, so pages stay readable and small.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // With several app nodes, Redis carries SignalR messages between them, so every board hears every call.
        var signalR = services.AddSignalR();
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("motcua"));
        }

        // Behind a load balancer, the client's address and scheme come from its X-Forwarded-* headers, believed only
        // from the proxies named in Proxy:TrustedProxies (comma-separated addresses); with none, nobody is believed.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in (configuration["Proxy:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"Proxy:TrustedProxies: '{proxy}' is not an IP address."));
            }
        });
        services.AddSingleton<FailureThrottle>();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddOptions<Files.FileWorkOptions>().BindConfiguration(Files.FileWorkOptions.Section);
        services.AddSingleton<Files.FileWork>();

        services.AddTelemetry(configuration);
        services.AddSingleton<Background.JobRuns>();
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddSingleton<TimeProvider>(new Demo.DemoClock(TimeProvider.System));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        return services;
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseTelemetry();
        Serilog.SerilogApplicationBuilderExtensions.UseSerilogRequestLogging(app);
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api-reference"), all => all.UseSecurityHeaders(SecurityHeaders(inlineScript: false)));
        // The API reference page (Scalar) configures itself with an inline script; it shows no personal data.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api-reference"), reference => reference.UseSecurityHeaders(SecurityHeaders(inlineScript: true)));
        app.Use(ServerTiming);
        app.UseWhen(c => IsApi(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(TelemetryModule.TagRequest);
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("MotCua API")).AllowAnonymous();
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext ctx, TimeProvider clock) =>
        {
            var culture = Cultures.FirstOrDefault(x => x.TwoLetterISOLanguageName == c) ?? Cultures[0];
            ctx.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// The headers every response carries (NetEscapades.AspNetCore.SecurityHeaders): no sniffing, no framing, no
    /// referrer across origins, no server name, and a Content-Security-Policy that runs only the app's own script
    /// files (inline style attributes are allowed; no page has inline script or event handlers).
    /// </summary>
    private static HeaderPolicyCollection SecurityHeaders(bool inlineScript) => new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            var script = csp.AddScriptSrc().Self();
            if (inlineScript)
            {
                script.UnsafeInline();
            }

            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data().Blob();
            csp.AddConnectSrc().Self();
            csp.AddFontSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });

    /// <summary>Adds <c>Server-Timing: app;dur=…</c> (milliseconds) so that load tests and browsers see server time apart from the network.</summary>
    private static Task ServerTiming(HttpContext context, RequestDelegate next)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:0.###}"));
            return Task.CompletedTask;
        });
        return next(context);
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/health");
}

/// <summary>The one handler for the unexpected: logs it with the trace id and answers ProblemDetails, never a stack trace.</summary>
internal sealed partial class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> logger, IHostEnvironment env) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = Texts.Get("Common.BadRequest"), Detail = bad.Message },
            });
        }

        if (Database.Transient.Is(exception))
        {
            // The database restarting, failing over or busy: nothing was written; the caller tries again in a few seconds.
            LogDatabaseUnavailable(logger, httpContext.Request.Path, exception.GetBaseException().Message);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = "5";
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = Texts.Get("Common.Unavailable"), Detail = Texts.Get("Common.UnavailableDetail") },
            });
        }

        LogUnexpected(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = env.IsDevelopment() ? exception : null,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Texts.Get("Common.UnexpectedError"),
                Detail = Texts.Get("Common.UnexpectedErrorDetail"),
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable for {Path}: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string path, string reason);
}

/// <summary>Accept-Language, for the API only: the first language asked for that MotCua speaks (en, en-GB → en-US).</summary>
internal sealed class ApiAcceptLanguage : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return NullProviderCultureResult;
        }

        var culture = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => WebShellModule.Cultures.FirstOrDefault(c => l.Value.Value is { } v && (v.Equals(c.Name, StringComparison.OrdinalIgnoreCase) || v.Split('-')[0].Equals(c.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase))))
            .FirstOrDefault(c => c is not null);
        return culture is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture.Name));
    }
}
