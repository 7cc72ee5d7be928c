using System.Security.Cryptography;
using MotCua.Features.Payments.VnPay;
using MotCua.Infrastructure.Background;
using MotCua.Infrastructure.Sandbox;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Payments;

/// <summary>Fees on dossiers and their payment: cash at the counter, VNPay online (and its sandbox in demo mode), receipts.</summary>
public static class PaymentsModule
{
    /// <summary>The sandbox's secret when demo mode has none configured: one per process, never written anywhere.</summary>
    private static readonly string SandboxSecret = RandomNumberGenerator.GetHexString(32);

    public static IServiceCollection AddPaymentsModule(this IServiceCollection services)
    {
        services.AddScoped<Fees>();
        services.AddScoped<IOperationalFigures, PendingPaymentFigures>();
        services.AddScoped<Infrastructure.Events.IHandles<Dossiers.Contracts.DossierReceived>, FeesOnIntake>();
        services.AddScoped<PaymentDesk>();
        services.AddScoped<Contracts.PaymentFigures>();
        services.AddScoped<Contracts.FeesDue>();
        services.AddScoped<PaymentDossiers>();
        services.AddScoped<VnPayGateway>();
        services.AddScoped<IPaymentGateway>(s => s.GetRequiredService<VnPayGateway>());
        services.AddScoped<VnPaySandbox>();
        services.AddScoped<PayGov.PayGovGateway>();
        services.AddScoped<IPaymentGateway>(s => s.GetRequiredService<PayGov.PayGovGateway>());
        services.AddScoped<PayGov.PayGovSandbox>();
        services.AddOptions<PayGov.PayGovOptions>().BindConfiguration(PayGov.PayGovOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (PayGov.PayGovSandbox.Active(configuration, o) && o.PartnerCode.Length == 0 && o.SecretKey.Length == 0)
                {
                    (o.PartnerCode, o.SecretKey) = ("MOTCUA", SandboxSecret);
                }
            });
        services.AddHttpClient(VnPayGateway.Client);
        services.AddOptions<VnPayOptions>().BindConfiguration(VnPayOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (IdentitySandbox.IsEnabled(configuration) && o.TmnCode.Length == 0 && o.HashSecret.Length == 0)
                {
                    (o.TmnCode, o.HashSecret) = ("MOTCUA01", SandboxSecret);
                }
            });
        services.AddRecurringJob<PendingPayments>(PendingPayments.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        PaymentsApi.Map(app);
        if (VnPaySandbox.Active(app.ServiceProvider.GetRequiredService<IConfiguration>(), app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<VnPayOptions>>().Value))
        {
            app.MapPost("/sandbox/vnpay/api", VnPaySandbox.ApiEndpoint).WithTags("Sandbox").AllowAnonymous().DisableAntiforgery()
                .WithSummary("The sandbox gateway's merchant web API: querydr and refund, as VNPay's document defines them");
        }

        if (PayGov.PayGovSandbox.Active(app.ServiceProvider.GetRequiredService<IConfiguration>(), app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PayGov.PayGovOptions>>().Value))
        {
            app.MapPost("/sandbox/paygov/api", PayGov.PayGovSandbox.ApiEndpoint).WithTags("Sandbox").AllowAnonymous().DisableAntiforgery()
                .WithSummary("The sandbox national payment platform's service: init and query, with checksums both ways");
        }

        return app;
    }
}
