using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Calendar.Contracts;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Catalog;

public sealed record ProcedureList(IReadOnlyList<ProcedureSummary> Items, int Total);

public sealed record StepView(string Name, string Role, string Agency, decimal AllottedHours, decimal AllottedWorkingDays)
{
    /// <summary>The step's share of the time as people say it: "4 ngày làm việc", "1 ngày 4 giờ làm việc", "30 phút", never a fraction of a day.</summary>
    [JsonIgnore]
    public string AllottedText => AllottedHours switch
    {
        < 1 => Texts.Get("Catalog.Minutes", Math.Round(AllottedHours * 60).ToString("0", CultureInfo.CurrentCulture)),
        < 8 => Texts.Get("Catalog.Hours", AllottedHours.ToString("0.#", CultureInfo.CurrentCulture)),
        var h when h % 8 == 0 => Texts.Get("Catalog.WholeDays", (h / 8).ToString("0", CultureInfo.CurrentCulture)),
        var h => Texts.Get("Catalog.DaysHours", Math.Floor(h / 8).ToString("0", CultureInfo.CurrentCulture), (h % 8).ToString("0.#", CultureInfo.CurrentCulture)),
    };

    /// <summary>The agency that performs the step, by its name.</summary>
    [JsonIgnore]
    public string AgencyText => UnitFunctions.AgencyText(Agency);
}

public sealed record VersionSummary(DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Name, int LegalWorkingDays, bool SameDay, string Level);

public sealed record ProcedureDetails(
    string Code, string Name, string Field, string FieldName, string Level, int LegalWorkingDays, bool SameDay, string OnlineLevel,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string ResultDocument, ClockPolicy ClockPolicy, string? ClockBasis, string Receiving,
    IReadOnlyList<string> AcceptingOffices, bool Verified, string Source, IReadOnlyList<string> Conditions, bool PayBeforeProcessing,
    IReadOnlyList<DocumentData> Documents, IReadOnlyList<FeeData> Fees, IReadOnlyList<StepView> Steps, IReadOnlyList<FormFieldData> FormFields,
    IReadOnlyList<VersionSummary> Versions);

internal static class CatalogApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/procedures").WithTags("Procedures").AllowAnonymous().RequireRateLimiting("public");
        api.MapGet("/", List).WithSummary("Procedures in force on a date (default today), searchable without diacritics; ?office= keeps those that office receives");
        api.MapGet("/{code}", Get).WithSummary("One procedure as in force on a date, with documents, fees, steps and its version history");

        var catalog = app.MapGroup("/api/catalog").WithTags("Procedures");
        catalog.MapGet("/export", (string? format, CatalogStore store, TimeProvider clock, CancellationToken ct) => ExportModel.FileAsync(format, store, clock, ct)).RequireAuthorization(Policies.Staff).WithSummary("The whole catalog, every version, as JSON or Excel (?format=xlsx)");
        catalog.MapPost("/import", Import).RequireAuthorization(Policies.Administrator).DisableAntiforgery()
            .WithSummary("Import a catalog file (JSON or Excel); applied whole or not at all");
    }

    private static async Task<Results<Ok<ProcedureList>, ProblemHttpResult>> List(
        string? q, string? field, string? level, string? onlineLevel, bool? sameDay, string? office, DateOnly? date, int? offset, int? limit,
        CatalogReader reader, TimeProvider clock, CancellationToken ct)
    {
        if (offset is < 0 || limit is < 1 or > 500)
        {
            return Failure.Invalid(offset is < 0 ? "offset" : "limit", Texts.Get("Catalog.Paging")).ToProblem();
        }

        var (items, total) = await reader.SearchAsync(new ProcedureFilter(q, field, level, onlineLevel, sameDay, office), date ?? VietnamTime.Today(clock), offset ?? 0, limit ?? 100, ct);
        return TypedResults.Ok(new ProcedureList(items, total));
    }

    private static async Task<Results<Ok<ProcedureDetails>, ProblemHttpResult>> Get(string code, DateOnly? date, CatalogReader reader, CatalogFields fields, TimeProvider clock, CancellationToken ct)
    {
        var on = date ?? VietnamTime.Today(clock);
        var versions = await reader.VersionsAsync(code, ct);
        var version = versions.LastOrDefault(v => v.EffectiveFrom <= on);
        if (version is null)
        {
            return Failure.NotFound(Texts.Get("Catalog.NotFoundTitle"), "code", versions.Count == 0 ? Texts.Get("Catalog.NoCode", code) : Texts.Get("Catalog.NotYetInForce", code, on)).ToProblem();
        }

        return TypedResults.Ok(Details(version, versions, fields));
    }

    internal static ProcedureDetails Details(ProcedureVersion v, List<ProcedureVersion> history, CatalogFields fields)
    {
        DateOnly? EndOf(ProcedureVersion x) => history.FirstOrDefault(n => n.EffectiveFrom > x.EffectiveFrom)?.EffectiveFrom.AddDays(-1);
        var data = CatalogStore.ToData(v);
        return new ProcedureDetails(
            v.Code, v.Name, v.Field, fields.Name(v.Field), v.Level, v.LegalWorkingDays, v.SameDay, v.OnlineLevel,
            v.EffectiveFrom, EndOf(v), v.ResultDocument, v.ClockPolicy, v.ClockBasis, v.Receiving, v.AcceptingOffices, v.Verified, v.Source, v.Conditions, v.PayBeforeProcessing,
            data.Documents ?? [], data.Fees ?? [],
            [.. v.Steps.Select(s => new StepView(s.Name, s.Role, s.Agency, s.AllottedHours, Math.Round(s.AllottedHours / 8m, 3)))],
            data.FormFields ?? [],
            [.. history.Select(h => new VersionSummary(h.EffectiveFrom, EndOf(h), h.Name, h.LegalWorkingDays, h.SameDay, h.Level))]);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(HttpRequest request, CatalogImport import, CancellationToken ct)
    {
        Result<ImportResult> outcome;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            outcome = await import.FromUploadAsync(form.Files.GetFile("file"), request.HttpContext.User.Identity?.Name, ct);
        }
        else
        {
            if (request.ContentLength > CatalogImport.MaxBytes)
            {
                return Failure.Invalid("file", Texts.Get("Catalog.FileTooLarge")).ToProblem();
            }

            await using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            outcome = await import.FromStreamAsync(buffer, request.HttpContext.User.Identity?.Name, ct);
        }

        return outcome.Value is { } result ? TypedResults.Ok(result) : outcome.Failure!.ToProblem();
    }
}
