using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

public sealed record QuotaList(IReadOnlyList<QuotaLine> Items);

public sealed record QuotaChange(
    [property: Required(ErrorMessage = "Staffing.CategoryRequired")] string? Category,
    [property: Required(ErrorMessage = "Staffing.QuotaRequired"), Range(0, 100_000, ErrorMessage = "Staffing.QuotaRange")] int? Quota,
    [property: MaxLength(200, ErrorMessage = "Staffing.DecisionTooLong")] string? Decision);

public sealed record NewPosition(
    [property: Required(ErrorMessage = "Staffing.UnitRequired"), MaxLength(40, ErrorMessage = "Staffing.UnitRequired")] string? UnitCode,
    [property: Required(ErrorMessage = "Staffing.NameRequired"), MaxLength(300, ErrorMessage = "Staffing.NameTooLong")] string? Name,
    [property: Required(ErrorMessage = "Staffing.CategoryRequired")] string? Category,
    [property: Range(2, 5, ErrorMessage = "Staffing.RotationYearsRange")] int? RotationYears,
    [property: MaxLength(100, ErrorMessage = "Staffing.RankTooLong")] string? Rank = null,
    [property: MaxLength(500, ErrorMessage = "Staffing.BasisTooLong")] string? RotationBasis = null);

public sealed record NewPerson(
    [property: Required(ErrorMessage = "Staffing.NameRequired"), MaxLength(200, ErrorMessage = "Staffing.NameTooLong")] string? FullName,
    [property: Required(ErrorMessage = "Staffing.IdNumberFormat"), RegularExpression("^[0-9]{12}$", ErrorMessage = "Staffing.IdNumberFormat")] string? IdNumber,
    [property: Required(ErrorMessage = "Staffing.CategoryRequired")] string? Category,
    [property: MaxLength(100, ErrorMessage = "Staffing.AccountUnknown")] string? Account = null,
    [property: MaxLength(100, ErrorMessage = "Staffing.RankTooLong")] string? Rank = null,
    DateOnly? JoinedOn = null);

public sealed record Appointment(
    [property: Required(ErrorMessage = "Staffing.PositionRequired")] Guid? PositionId,
    [property: Required(ErrorMessage = "Staffing.FromRequired")] DateOnly? From,
    [property: MaxLength(200, ErrorMessage = "Staffing.DecisionTooLong")] string? Decision = null);

public sealed record PlanMove(
    [property: Required(ErrorMessage = "Staffing.PersonRequired")] Guid? PersonId,
    [property: Required(ErrorMessage = "Staffing.PositionRequired")] Guid? ToPositionId,
    [property: Required(ErrorMessage = "Staffing.FromRequired")] DateOnly? EffectiveOn);

public sealed record NewPlan(
    [property: Required(ErrorMessage = "Staffing.UnitRequired"), MaxLength(40, ErrorMessage = "Staffing.UnitRequired")] string? UnitCode,
    [property: Required(ErrorMessage = "Staffing.YearRequired"), Range(2000, 2100, ErrorMessage = "Staffing.YearRequired")] int? Year,
    [property: MaxLength(200, ErrorMessage = "Staffing.DecisionTooLong")] string? Decision,
    [property: Required(ErrorMessage = "Staffing.MovesRequired"), MinLength(1, ErrorMessage = "Staffing.MovesRequired"), MaxLength(5000, ErrorMessage = "Staffing.MovesTooMany")] IReadOnlyList<PlanMove>? Moves);

public sealed record NewId(Guid Id);

/// <summary>Not to be rotated until a day, for one of the reasons the law lists (null until: the exemption ends).</summary>
public sealed record Exemption(
    DateOnly? Until,
    [property: MaxLength(300, ErrorMessage = "Staffing.ReasonTooLong")] string? Reason);

public sealed record PlanView(Guid Id, string UnitCode, int Year, string? Decision, string Status, IReadOnlyList<PlanMoveView> Moves, IReadOnlyList<PlanProblem> Problems);

public sealed record PlanMoveView(Guid PersonId, Guid ToPositionId, DateOnly EffectiveOn);

public sealed record DueList(IReadOnlyList<RotationDue> Items);

public sealed record RotationReport(DateOnly From, DateOnly To, IReadOnlyList<RotationCount> Items, int Total);

public static class StaffingApi
{
    public static IEndpointRouteBuilder MapStaffing(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/staffing").WithTags("Staffing").RequireAuthorization(Policies.Staff);
        api.MapGet("/quotas", Quotas).WithSummary("A unit's quota against the people in post, per category, and the same for each unit directly below it (its categories with a quota or people)");
        api.MapPut("/quotas/{unitCode}/{year:int}", SetQuota).WithSummary("Assign a unit's quota of a category for a year (leaders of the unit above, administrators); 409 below the people in post");
        api.MapPost("/positions", AddPosition).WithSummary("A job position of a unit, with the period after which its holder rotates (null: not rotated)");
        api.MapPost("/people", AddPerson).WithSummary("A staff record, linked to the person's MotCua account when given");
        api.MapPut("/people/{id:guid}/exemption", Exempt).WithSummary("Record that a person is not to be rotated until a day, with the law's reason (no day: the exemption ends)");
        api.MapPost("/people/{id:guid}/positions", Appoint).WithSummary("Appoint a person to a position from a day; 409 with quota and filled when the unit is full, or when the person holds a position then");
        api.MapPost("/import", Import).RequireAuthorization(Policies.Management).DisableAntiforgery()
            .WithSummary("Import an existing staff list from Excel (a person and the position held a row), whole or nothing: every bad row named");
        api.MapGet("/rotation/due", Due).WithSummary("Who in the unit and below holds a rotated position whose period has ended by the day");
        api.MapGet("/rotation/report", Report).WithSummary("How many the unit's executed plans (and those of the units below) rotated between two days, by level and category");
        // Files a page links to: read with the page's sign-in cookie or with a token.
        var files = app.MapGroup("/api/staffing").WithTags("Staffing")
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Staff) { AuthenticationSchemes = $"{Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme},{Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme}" });
        files.MapGet("/report.pdf", (string? unit, int? year, DateOnly? from, DateOnly? to, ClaimsPrincipal user, UnitTree tree, StaffRecords records, StaffingDesk desk, Rotation rotation, TimeProvider clock, CancellationToken ct) =>
            ReportFileAsync("pdf", unit, year, from, to, user, tree, records, desk, rotation, clock, ct)).WithSummary("The unit's yearly staffing report as PDF: quota against people in post, and the rotations of the year (or of from…to)");
        files.MapGet("/report.xlsx", (string? unit, int? year, DateOnly? from, DateOnly? to, ClaimsPrincipal user, UnitTree tree, StaffRecords records, StaffingDesk desk, Rotation rotation, TimeProvider clock, CancellationToken ct) =>
            ReportFileAsync("xlsx", unit, year, from, to, user, tree, records, desk, rotation, clock, ct)).WithSummary("The same report as Excel");
        api.MapPost("/rotation-plans", Draft).WithSummary("A unit's rotation plan, kept with its check (each move's problems)");
        api.MapGet("/rotation-plans/{id:guid}", Plan).WithSummary("A rotation plan with its check as of now");
        api.MapPost("/rotation-plans/{id:guid}/execute", Execute).WithSummary("Execute a plan whose check passes: positions and unit memberships change on each move's day");
        return app;
    }

    private static bool TryCategory(string? text, out StaffCategory category) => EnumNames.TryParse(text?.Trim() ?? "", out category);

    private static async Task<Results<Ok<QuotaList>, NotFound, ProblemHttpResult>> Quotas(
        string? unit, int? year, ClaimsPrincipal user, StaffRecords records, StaffingDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? VietnamTime.Today(clock).Year;
        if (y is < 2000 or > 2100)
        {
            return Failure.Invalid("year", Texts.Get("Staffing.YearRequired")).ToProblem();
        }

        if (await records.VisibleUnitAsync(unit, user, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var on = desk.DayOf(y);
        // The unit's every category; below it, the categories with a quota or people (a city's picture stays small).
        var lines = await desk.QuotasAsync([found, .. await desk.BelowAsync(found, on, ct)], y, on, ct);
        return TypedResults.Ok(new QuotaList([.. lines.Where(l => l.UnitCode == found.Code || l.Quota is not null || l.Filled > 0)]));
    }

    private static async Task<Results<Ok<QuotaLine>, NotFound, ProblemHttpResult>> SetQuota(
        string unitCode, int year, QuotaChange body, ClaimsPrincipal user, StaffRecords records, StaffingDesk desk, CancellationToken ct)
    {
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid.ToProblem();
        }

        if (!TryCategory(body.Category, out var category))
        {
            return Failure.Invalid("category", Texts.Get("Staffing.CategoryRequired")).ToProblem();
        }

        if (year is < 2000 or > 2100)
        {
            return Failure.Invalid("year", Texts.Get("Staffing.YearRequired")).ToProblem();
        }

        if (await records.VisibleUnitAsync(unitCode, user, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var result = await desk.SetQuotaAsync(user, unit, year, category, body.Quota!.Value, body.Decision?.Trim(), ct);
        return result.Value is { } line ? TypedResults.Ok(line) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddPosition(NewPosition body, ClaimsPrincipal user, StaffRecords records, CancellationToken ct)
    {
        var result = await records.AddPositionAsync(user, body, ct);
        return result.Value is { } position ? TypedResults.Created($"/api/staffing/positions/{position.Id}", new NewId(position.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddPerson(NewPerson body, ClaimsPrincipal user, StaffRecords records, CancellationToken ct)
    {
        var result = await records.AddPersonAsync(user, body, null, ct);
        return result.Value is { } person ? TypedResults.Created($"/api/staffing/people/{person.Id}", new NewId(person.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Exempt(Guid id, Exemption body, ClaimsPrincipal user, StaffRecords records, CancellationToken ct)
    {
        var result = await records.ExemptAsync(user, id, body, ct);
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> Appoint(Guid id, Appointment body, ClaimsPrincipal user, StaffRecords records, CancellationToken ct)
    {
        var result = await records.AppointAsync(user, id, body, ct);
        return result.Value is { } held ? TypedResults.Created($"/api/staffing/people/{id}", new NewId(held.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<ImportedStaff>, ProblemHttpResult>> Import(HttpRequest request, ClaimsPrincipal user, StaffImport import, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        await using var source = file?.OpenReadStream() ?? request.Body;
        var result = await import.FromUploadAsync(source, file?.Length ?? request.ContentLength ?? 0, user, ct);
        return result.Value is { } done ? TypedResults.Ok(done) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<DueList>, NotFound>> Due(
        string? unit, DateOnly? onDate, ClaimsPrincipal user, UnitTree tree, StaffRecords records, Rotation rotation, TimeProvider clock, CancellationToken ct)
    {
        if (await records.VisibleUnitAsync(unit, user, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var below = UnitTree.Expand(await tree.LinksAsync(ct), [found.Id]);
        return TypedResults.Ok(new DueList(await rotation.DueAsync([.. below], onDate ?? VietnamTime.Today(clock), ct)));
    }

    private static async Task<Results<Ok<RotationReport>, NotFound, ProblemHttpResult>> Report(
        string? unit, DateOnly? from, DateOnly? to, ClaimsPrincipal user, UnitTree tree, StaffRecords records, Rotation rotation, TimeProvider clock, CancellationToken ct)
    {
        var last = to ?? VietnamTime.Today(clock);
        var first = from ?? new DateOnly(last.Year, 1, 1);
        if (first > last || last.DayNumber - first.DayNumber > 366 * 20)
        {
            return Failure.Invalid("from", Texts.Get("Staffing.PeriodInvalid")).ToProblem();
        }

        if (await records.VisibleUnitAsync(unit, user, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var items = await rotation.ReportAsync(UnitTree.Expand(await tree.LinksAsync(ct), [found.Id]).ToList(), first, last, ct);
        return TypedResults.Ok(new RotationReport(first, last, items, items.Sum(i => i.Rotated)));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> ReportFileAsync(
        string kind, string? unit, int? year, DateOnly? from, DateOnly? to, ClaimsPrincipal user, UnitTree tree, StaffRecords records, StaffingDesk desk, Rotation rotation, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? VietnamTime.Today(clock).Year;
        var (first, last) = (from ?? new DateOnly(y, 1, 1), to ?? new DateOnly(y, 12, 31));
        if (y is < 2000 or > 2100 || first > last || last.DayNumber - first.DayNumber > 366 * 20)
        {
            return Failure.Invalid("year", Texts.Get("Staffing.PeriodInvalid")).ToProblem();
        }

        if (await records.VisibleUnitAsync(unit, user, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var on = desk.DayOf(y);
        var lines = await desk.QuotasAsync([found, .. await desk.BelowAsync(found, on, ct)], y, on, ct);
        var items = await rotation.ReportAsync(UnitTree.Expand(await tree.LinksAsync(ct), [found.Id]).ToList(), first, last, ct);
        var data = new StaffingReportData(found, y, on, lines, new RotationReport(first, last, items, items.Sum(i => i.Rotated)), VietnamTime.ToVietnam(clock.GetUtcNow()));
        return kind == "pdf"
            ? TypedResults.File(StaffingReport.Pdf(data, await tree.FormHeaderAsync(found.Id, ct)), "application/pdf", $"bien-che-{found.Code}-{y}.pdf")
            : TypedResults.File(StaffingReport.Excel(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bien-che-{found.Code}-{y}.xlsx");
    }

    private static async Task<Results<Created<PlanView>, NotFound, ProblemHttpResult>> Draft(
        NewPlan body, ClaimsPrincipal user, StaffRecords records, StaffingDesk desk, Rotation rotation, CancellationToken ct)
    {
        if (RequestRules.Check(body) is { } invalid)
        {
            return invalid.ToProblem();
        }

        if (await records.VisibleUnitAsync(body.UnitCode, user, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        if (!await desk.MayEditAsync(user, unit.Id, ct))
        {
            return Failure.Forbidden(Texts.Get("Staffing.LeadersEdit")).ToProblem();
        }

        var moves = body.Moves!.Select(m => new MoveRequest(m.PersonId!.Value, m.ToPositionId!.Value, m.EffectiveOn!.Value)).ToList();
        var (plan, problems) = await rotation.DraftAsync(user, unit, body.Year!.Value, body.Decision, moves, ct);
        return TypedResults.Created($"/api/staffing/rotation-plans/{plan.Id}", View(plan, unit.Code, problems));
    }

    private static PlanView View(RotationPlan plan, string unitCode, IReadOnlyList<PlanProblem> problems) =>
        new(plan.Id, unitCode, plan.Year, plan.Decision, EnumNames.Of(plan.Status), [.. plan.Moves.Select(m => new PlanMoveView(m.PersonId, m.ToPositionId, m.EffectiveOn))], problems);

    private static async Task<Results<Ok<PlanView>, NotFound>> Plan(Guid id, ClaimsPrincipal user, Rotation rotation, CancellationToken ct) =>
        await rotation.VisiblePlanAsync(id, user, ct) is var (plan, unit) ? TypedResults.Ok(View(plan, unit.Code, await rotation.CheckAsync(plan, ct))) : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanView>, NotFound, ProblemHttpResult>> Execute(
        Guid id, ClaimsPrincipal user, StaffingDesk desk, Rotation rotation, CancellationToken ct)
    {
        if (await rotation.VisiblePlanAsync(id, user, ct) is not var (_, unit))
        {
            return TypedResults.NotFound();
        }

        if (!await desk.MayEditAsync(user, unit.Id, ct))
        {
            return Failure.Forbidden(Texts.Get("Staffing.LeadersEdit")).ToProblem();
        }

        var result = await rotation.ExecuteAsync(user, id, ct);
        return result.Value is { } plan ? TypedResults.Ok(View(plan, unit.Code, [])) : result.Failure!.ToProblem();
    }
}
