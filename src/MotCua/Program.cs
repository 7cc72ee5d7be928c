using MotCua.Features.Accounts;
using MotCua.Features.Calendar;
using MotCua.Features.Catalog;
using MotCua.Features.Citizens;
using MotCua.Features.Documents;
using MotCua.Features.Dossiers;
using MotCua.Features.Feedback;
using MotCua.Features.Intake;
using MotCua.Features.Notifications;
using MotCua.Features.Queue;
using MotCua.Features.Reports;
using MotCua.Features.Units;
using MotCua.Features.Workflow;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Database;
using MotCua.Infrastructure.Web;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, log) => log.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services));

builder.Services
    .AddWebShell(builder.Configuration)
    .AddDatabaseModule()
    .AddStartup()
    .AddAccountsModule()
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
    .AddReportsModule();

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

if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(app, args);
}

await app.PrepareAsync();
await app.RunAsync();
return 0;
