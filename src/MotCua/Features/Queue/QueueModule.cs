using Microsoft.EntityFrameworkCore;
using MotCua.Features.Dossiers.Contracts;
using MotCua.Features.Queue.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Demo;
using MotCua.Infrastructure.Events;
using MotCua.Infrastructure.Telemetry;

namespace MotCua.Features.Queue;

public static class QueueModule
{
    public static IServiceCollection AddQueueModule(this IServiceCollection services)
    {
        services.AddScoped<QueueDesk>();
        services.AddScoped<IOperationalFigures, QueueWaitingFigures>();
        services.AddScoped<Contracts.QueueWaiting>();
        services.AddScoped<IHandles<DossierReceived>, LinkServedTicket>();
        services.AddSingleton<WaitingBroadcast>();
        services.AddScoped<KioskHours>();
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<QueueFiguresReader>();
        services.AddScoped<AppointmentBook>();
        services.AddScoped<KioskKeys>();
        services.AddScoped<BookingCodes>();
        services.AddScoped<IStartupTask, QueueDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapQueue(this IEndpointRouteBuilder app)
    {
        QueueApi.Map(app);
        app.MapHub<QueueHub>(QueueHub.Path);
        return app;
    }
}

/// <summary>
/// Gives every open office of a demo city a kiosk (key <c>MK-DEMO-&lt;office code&gt;</c>) and the same four services and three counters (two serving everything),
/// once. The services follow the catalog's fields; a real office sets its own.
/// </summary>
internal sealed class QueueDemoSeeder(AppDbContext db, DemoFlag demo, KioskKeys kiosks, UnitTree units, TimeProvider clock) : IStartupTask
{
    public int Order => 110;

    /// <summary>The demo kiosk's key of an office: known, so that a newcomer's kiosk page works; a real office issues its own.</summary>
    public static string DemoKioskKey(string officeCode) => "MK-DEMO-" + officeCode;

    public async Task RunAsync(CancellationToken ct)
    {
        if (!await demo.IsDemoAsync(ct) || await db.Set<QueueService>().AnyAsync(ct))
        {
            return;
        }

        var today = VietnamTime.Today(clock);
        var offices = await units.CurrentOfficesAsync(today, ct);
        (string Code, string Name, string Prefix, string[] Fields)[] services =
        [
            ("HT", "Hộ tịch", "A", ["ho-tich", "lien-thong"]),
            ("CT", "Chứng thực", "B", ["chung-thuc"]),
            ("DX", "Đất đai, xây dựng", "C", ["dat-dai", "xay-dung"]),
            ("CK", "Cư trú, tư pháp, kinh doanh", "D", ["cu-tru", "tu-phap", "kinh-doanh"]),
        ];
        foreach (var (office, code) in offices.Select(o => (o.Id, o.Code)))
        {
            kiosks.Add(office, "Máy lấy số ở sảnh (demo)", DemoKioskKey(code));
            db.AddRange(services.Select((s, i) => new QueueService { OfficeId = office, Code = s.Code, Name = s.Name, Prefix = s.Prefix, Fields = [.. s.Fields], SortOrder = i }));
            string[] all = [.. services.Select(s => s.Code)];
            db.Add(new QueueCounter { OfficeId = office, Number = 1, Name = "Quầy số 1", Services = [.. all] });
            db.Add(new QueueCounter { OfficeId = office, Number = 2, Name = "Quầy số 2", Services = [.. all] });
            db.Add(new QueueCounter { OfficeId = office, Number = 3, Name = "Quầy số 3", Services = ["DX", "CK"] });
            db.Add(new QueueOffice { OfficeId = office });
        }

        await db.SaveChangesAsync(ct);
    }
}
