using System.Diagnostics;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MotCua.Infrastructure.Telemetry;

/// <summary>Configuration section "Telemetry": what MotCua tells its operators, and to whom.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Metrics and traces at all (off only to measure what they cost).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The bearer token Prometheus sends to <c>/metrics</c> (<c>authorization: credentials</c> in its scrape
    /// configuration). Without one, only callers on this machine (loopback) may read the metrics.
    /// </summary>
    public string? MetricsToken { get; set; }

    /// <summary>How old the database figures (backlogs, open dossiers) may be when metrics are collected.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public int FiguresSeconds { get; set; } = 15;

    /// <summary>Traces are recorded when an OTLP endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or when this is true.</summary>
    public bool Traces { get; set; }

    /// <summary>
    /// The share of traces recorded (a request whose caller sent a sampled <c>traceparent</c> is always recorded):
    /// 1 keeps every trace, so that any error's trace id finds its trace; lower it when traces cost too much.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;
}

/// <summary>
/// OpenTelemetry for MotCua: metrics (ASP.NET Core, Kestrel, EF Core, Npgsql, HttpClient, runtime, process and
/// MotCua's own meter) for Prometheus at <c>/metrics</c> and by OTLP when an endpoint is configured; traces of every
/// request and background job by OTLP, with the dossier code, office and account id as attributes and no
/// personal data (paths are replaced by their route template, query strings dropped).
/// </summary>
public static class TelemetryModule
{
    public const string MetricsPath = "/metrics";

    /// <summary>The version deployed (the build's informational version, with its commit).</summary>
    public static readonly string Version = typeof(TelemetryModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The version as people read it: its number and the commit's first seven characters.</summary>
    public static string Readable(string version) => version.Split('+') is [var number, { Length: >= 7 } commit] ? $"{number} ({commit[..7]})" : version;

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OperationalFigures>();
        services.AddSingleton<AppMetrics>();
        services.AddScoped<IOperationalFigures, NodeFigures>();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("motcua", serviceVersion: Version, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AppMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
                        "Microsoft.AspNetCore.RateLimiting", "Microsoft.EntityFrameworkCore", "Npgsql")
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp || options.Traces)
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(
                new DatabaseSpans(configuration.GetSection(Database.DatabaseOptions.Section).GetValue(nameof(Database.DatabaseOptions.Provider), Database.DatabaseProvider.Sqlite) == Database.DatabaseProvider.Postgres ? "postgresql" : "sqlite"));
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                    .AddSource(AppMetrics.Source.Name)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath) && !http.Request.Path.StartsWithSegments("/health");
                        o.EnrichWithHttpResponse = (activity, response) => WithoutPersonalData(activity, response.HttpContext);
                    })
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) => activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Path)));
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c>, for Prometheus: the bearer token of <see cref="TelemetryOptions.MetricsToken"/>, or a caller on
    /// this machine when none is set; anyone else gets 404, as if there were nothing there. The database figures are
    /// refreshed first when older than <see cref="TelemetryOptions.FiguresSeconds"/>. Every request's span is tagged
    /// with the dossier, office and account it concerns.
    /// </summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        // The meter and its gauges exist from the start, not from the first request that counts something.
        app.Services.GetRequiredService<AppMetrics>();

        app.UseWhen(c => c.Request.Path.StartsWithSegments(MetricsPath), metrics => metrics.Use(async (context, next) =>
        {
            if (!MayScrape(context, options.MetricsToken))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await context.RequestServices.GetRequiredService<OperationalFigures>().RefreshAsync(TimeSpan.FromSeconds(options.FiguresSeconds), context.RequestAborted);
            await next(context);
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    /// <summary>Tags the request's span with what it concerns (after routing and authentication).</summary>
    public static Task TagRequest(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            // A dossier's code in the route (the API, the officer's pages, public tracking), not a procedure's or a unit's.
            if (context.Request.RouteValues["code"] is string dossier && Features.Dossiers.Contracts.DossierCode.LooksValid(dossier))
            {
                activity.SetTag("motcua.dossier.code", dossier);
            }

            if (context.Request.Query["office"] is [{ Length: > 0 and <= 40 } office])
            {
                activity.SetTag("motcua.office", office);
            }

            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } account)
            {
                activity.SetTag("motcua.account", account);
            }
        }

        return next(context);
    }

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address) && !context.Request.Headers.ContainsKey("X-Forwarded-For");
        }

        var sent = context.Request.Headers.Authorization.ToString();
        return sent.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent["Bearer ".Length..]), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>A span keeps the route's template, never the path or query a person's number may be in.</summary>
    private static void WithoutPersonalData(Activity activity, HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", route is null ? null : "/" + route.TrimStart('/'));
        activity.SetTag("url.query", null);
        activity.SetTag("client.address", null);
        activity.SetTag("user_agent.original", null);
        if (route is null)
        {
            activity.DisplayName = context.Request.Method;
        }
    }
}
