using MotCua.Features.Accounts;
using MotCua.Features.Calendar;
using MotCua.Features.Catalog;
using MotCua.Features.NationalSync;
using MotCua.Features.Payments;
using MotCua.Features.Citizens;
using MotCua.Features.Documents;
using MotCua.Features.Dossiers;
using MotCua.Features.Feedback;
using MotCua.Features.Intake;
using MotCua.Features.Notifications;
using MotCua.Features.Operations;
using MotCua.Features.Portal;
using MotCua.Features.Reform;
using MotCua.Features.Staffing;
using MotCua.Features.Queue;
using MotCua.Features.Reports;
using MotCua.Features.Units;
using MotCua.Features.Workflow;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Sandbox;
using MotCua.Infrastructure.Web;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
// MotCua's address unless one is given the ways ASP.NET Core reads it (ASPNETCORE_URLS, --urls, Urls, ASPNETCORE_HTTP_PORTS).
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.AddSerilog((services, log) => log.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services));

builder.Services
    .AddWebShell(builder.Configuration)
    .AddDatabaseModule(builder.Configuration)
    .AddStartup()
    .AddAccountsModule()
    .AddIdentitySandbox(builder.Configuration)
    .AddUnitsModule()
    .AddCalendarModule()
    .AddCatalogModule()
    .AddCitizensModule()
    .AddDocumentsModule()
    .AddDossiersModule()
    .AddIntakeModule()
    .AddWorkflowModule()
    .AddNotificationsModule()
    .AddQueueModule()
    .AddFeedbackModule()
    .AddReportsModule()
    .AddPortalModule()
    .AddPaymentsModule()
    .AddNationalSyncModule()
    .AddStaffingModule()
    .AddReformModule()
    .AddOperationsModule();

var app = builder.Build();
app.UseWebShell();
app.MapAccounts();
app.MapUnits();
app.MapCalendar();
app.MapCatalog();
app.MapCitizens();
app.MapDocuments();
app.MapDossiers();
app.MapIntake();
app.MapWorkflow();
app.MapNotifications();
app.MapQueue();
app.MapFeedback();
app.MapReports();
app.MapPortal();
app.MapPayments();
app.MapNationalSync();
app.MapStaffing();
app.MapReform();
app.MapOperations();

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app, args);
}

await app.PrepareAsync();
await app.RunAsync();
return 0;
