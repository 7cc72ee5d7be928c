using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reform;

public sealed record ItemList<T>(IReadOnlyList<T> Items);

public sealed record NewId(Guid Id);

public static class ReformApi
{
    public static IEndpointRouteBuilder MapReform(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var read = app.MapGroup("/api/reform").WithTags("Reform").RequireAuthorization(Policies.Reports);
        var write = app.MapGroup("/api/reform").WithTags("Reform").RequireAuthorization(Policies.Management);
        read.MapGet("/plans", Plans).WithSummary("A unit's reform plans (the unit must be one the caller sees)");
        read.MapGet("/plans/{id:guid}", Plan).WithSummary("A plan's targets: each with its target, its actual (measured: the dashboard's figure for the unit and year; or reported by hand) and the source of it");
        write.MapPost("/plans", AddPlan).WithSummary("A reform plan of a unit for a period with its targets (measured: satisfaction, onTime, online, digitised, serviceIndex, withinQuota; or null: reported by hand)");
        write.MapPost("/plans/{id:guid}/targets/{targetId:guid}/report", Report).WithSummary("The value a hand-reported target reached, with its evidence");
        read.MapGet("/findings", Findings).WithSummary("The findings of supervision and inspection delegations for the unit and the units below it");
        write.MapPost("/findings", AddFinding).WithSummary("A finding to follow up: its source, text, responsible unit, coordinating units and deadline");
        write.MapPost("/findings/{id:guid}/done", Done).WithSummary("Record that a finding was done, with the evidence");
        read.MapGet("/index/{year:int}", Index).WithSummary("A unit's reform index for a year: groups and criteria with max, self, appraised and evidence");
        write.MapPut("/index/{year:int}/{unitCode}/{criterion}", Score).WithSummary("Points on a criterion: self and evidence by the unit's leaders, appraised by the unit above's leaders (400 above the maximum)");
        write.MapPost("/index/{year:int}/{unitCode}/measure", Measure).WithSummary("Fill in the measured criteria's points from the dashboard's figures for the year");
        write.MapPost("/index/{year:int}/{unitCode}/{criterion}/evidence", AttachEvidence).DisableAntiforgery()
            .WithSummary("Attach a criterion's evidence as files (PNG, JPEG, PDF; one PDF is kept), by the unit's leaders");
        read.MapGet("/ranking/{year:int}", Ranking).WithSummary("The units of a level (district or ward) ranked by their index score, with last year's");
        var files = app.MapGroup("/api/reform").WithTags("Reform")
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Reports) { AuthenticationSchemes = $"{Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme},{Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme}" });
        files.MapGet("/ranking/{year:int}.xlsx", (int year, string? level, ParIndex index, CancellationToken ct) => RankingFileAsync("xlsx", year, level, index, ct))
            .WithSummary("The ranking as Excel, for the report to the city");
        files.MapGet("/report.pdf", (string? unit, int? year, ClaimsPrincipal user, ReformDesk desk, ParIndex index, UnitTree tree, TimeProvider clock, CancellationToken ct) =>
            ReportFileAsync("pdf", unit, year, user, desk, index, tree, clock, ct)).WithSummary("A unit's reform report of a year as PDF: plans and targets, the index, the findings");
        files.MapGet("/report.xlsx", (string? unit, int? year, ClaimsPrincipal user, ReformDesk desk, ParIndex index, UnitTree tree, TimeProvider clock, CancellationToken ct) =>
            ReportFileAsync("xlsx", unit, year, user, desk, index, tree, clock, ct)).WithSummary("The same report as Excel");
        files.MapGet("/index/{year:int}/{unitCode}/{criterion}/evidence.pdf", EvidenceFile).WithSummary("A criterion's evidence file");
        files.MapGet("/ranking/{year:int}.pdf", (int year, string? level, ParIndex index, CancellationToken ct) => RankingFileAsync("pdf", year, level, index, ct))
            .WithSummary("The ranking as PDF");
        read.MapGet("/committees", CommitteeList).WithSummary("A unit's steering committees with their members and meetings");
        write.MapPost("/committees", AddCommittee).WithSummary("A steering committee: the decision establishing it, its regulation, its members");
        write.MapPost("/committees/{id:guid}/meetings", AddMeeting).WithSummary("A meeting of a committee and its conclusions");
        read.MapGet("/legal-documents", Documents).WithSummary("The register of legal normative documents of a unit and the units below it, each with the procedures resting on it");
        write.MapPost("/legal-documents", AddDocument).WithSummary("A legal normative document issued by the unit, with those it replaces or amends (400: replacing itself, or one issued later)");
        write.MapPut("/legal-documents/{id:guid}/review", Review).WithSummary("The periodic review's finding on a document: inForce, partlyInForce or expired, and why");
        return app;
    }

    private static Failure? BadYear(int year) => year is < 2000 or > 2100 ? Failure.Invalid("year", Texts.Get("Reform.YearRange")) : null;

    private static async Task<Results<Ok<IndexView>, NotFound, ProblemHttpResult>> Index(int year, string? unit, ClaimsPrincipal user, ReformDesk desk, ParIndex index, CancellationToken ct)
    {
        if (BadYear(year) is { } bad)
        {
            return bad.ToProblem();
        }

        return await desk.VisibleUnitAsync(unit, user, ct) is { } found ? TypedResults.Ok(await index.ReadAsync(found, year, ct)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IndexView>, NotFound, ProblemHttpResult>> Score(
        int year, string unitCode, string criterion, ScoreChange body, ClaimsPrincipal user, ReformDesk desk, ParIndex index, CancellationToken ct)
    {
        if (BadYear(year) is { } bad)
        {
            return bad.ToProblem();
        }

        if (await desk.VisibleUnitAsync(unitCode, user, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var result = await index.ScoreAsync(user, unit, year, criterion, body, ct);
        return result.Value is { } view ? TypedResults.Ok(view) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<IndexView>, NotFound, ProblemHttpResult>> Measure(int year, string unitCode, ClaimsPrincipal user, ReformDesk desk, ParIndex index, CancellationToken ct)
    {
        if (BadYear(year) is { } bad)
        {
            return bad.ToProblem();
        }

        return await desk.VisibleUnitAsync(unitCode, user, ct) is { } unit ? TypedResults.Ok(await index.MeasureAsync(unit, year, ct)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IndexView>, NotFound, ProblemHttpResult>> AttachEvidence(
        int year, string unitCode, string criterion, HttpRequest request, ClaimsPrincipal user, ReformDesk desk, ParIndex index, CancellationToken ct)
    {
        if (BadYear(year) is { } bad)
        {
            return bad.ToProblem();
        }

        if (await desk.VisibleUnitAsync(unitCode, user, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var files = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.ToList() : [];
        var result = await index.AttachEvidenceAsync(user, unit, year, criterion, files, ct);
        return result.Value is { } view ? TypedResults.Ok(view) : result.Failure!.ToProblem();
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> EvidenceFile(int year, string unitCode, string criterion, ClaimsPrincipal user, ReformDesk desk, ParIndex index, CancellationToken ct) =>
        await desk.VisibleUnitAsync(unitCode, user, ct) is { } unit && await index.EvidenceFileAsync(unit, year, criterion, ct) is { } file
            ? TypedResults.File(file, "application/pdf", $"kiem-chung-{criterion}-{year}.pdf")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> ReportFileAsync(
        string kind, string? unit, int? year, ClaimsPrincipal user, ReformDesk desk, ParIndex index, UnitTree tree, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? Infrastructure.VietnamTime.Today(clock).Year;
        if (BadYear(y) is { } bad)
        {
            return bad.ToProblem();
        }

        if (await desk.VisibleUnitAsync(unit, user, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var plans = new List<ReformPlanView>();
        foreach (var item in (await desk.PlansAsync(found, ct)).Where(p => p.From.Year <= y && p.To.Year >= y))
        {
            if (await desk.PlanAsync(item.Id, user, ct) is { } plan)
            {
                plans.Add(plan);
            }
        }

        var data = new UnitReformReport(found, y, plans, await index.ReadAsync(found, y, ct), await desk.FindingsAsync(found, ct), Infrastructure.VietnamTime.ToVietnam(clock.GetUtcNow()));
        return kind == "pdf"
            ? TypedResults.File(ReformReport.UnitPdf(data, await tree.FormHeaderAsync(found.Id, ct)), "application/pdf", $"cai-cach-hanh-chinh-{found.Code}-{y}.pdf")
            : TypedResults.File(ReformReport.UnitExcel(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"cai-cach-hanh-chinh-{found.Code}-{y}.xlsx");
    }

    private static Failure? BadLevel(string? level) => level is "district" or "ward" ? null : Failure.Invalid("level", Texts.Get("Reform.LevelRequired"));

    private static async Task<Results<Ok<ItemList<RankedUnit>>, ProblemHttpResult>> Ranking(int year, string? level, ParIndex index, CancellationToken ct)
    {
        if ((BadYear(year) ?? BadLevel(level)) is { } bad)
        {
            return bad.ToProblem();
        }

        return TypedResults.Ok(new ItemList<RankedUnit>(await index.RankingAsync(year, level!, ct)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RankingFileAsync(string kind, int year, string? level, ParIndex index, CancellationToken ct)
    {
        if ((BadYear(year) ?? BadLevel(level)) is { } bad)
        {
            return bad.ToProblem();
        }

        var ranking = await index.RankingAsync(year, level!, ct);
        return kind == "pdf"
            ? TypedResults.File(ReformReport.RankingPdf(year, level!, ranking), "application/pdf", $"chi-so-cchc-{level}-{year}.pdf")
            : TypedResults.File(ReformReport.RankingExcel(year, level!, ranking), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"chi-so-cchc-{level}-{year}.xlsx");
    }

    private static async Task<Results<Ok<ItemList<LegalDocumentView>>, NotFound>> Documents(string? unit, ClaimsPrincipal user, ReformDesk desk, LegalRegister register, CancellationToken ct) =>
        await desk.VisibleUnitAsync(unit, user, ct) is { } found ? TypedResults.Ok(new ItemList<LegalDocumentView>(await register.ListAsync(found, ct))) : TypedResults.NotFound();

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddDocument(NewLegalDocument body, ClaimsPrincipal user, LegalRegister register, CancellationToken ct)
    {
        var result = await register.AddAsync(user, body, ct);
        return result.Value is { } document ? TypedResults.Created($"/api/reform/legal-documents/{document.Id}", new NewId(document.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Review(Guid id, DocumentReview body, ClaimsPrincipal user, LegalRegister register, CancellationToken ct)
    {
        var result = await register.ReviewAsync(user, id, body, ct);
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ItemList<CommitteeView>>, NotFound>> CommitteeList(string? unit, ClaimsPrincipal user, ReformDesk desk, Committees committees, CancellationToken ct) =>
        await desk.VisibleUnitAsync(unit, user, ct) is { } found ? TypedResults.Ok(new ItemList<CommitteeView>(await committees.ListAsync(found, ct))) : TypedResults.NotFound();

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddCommittee(NewCommittee body, ClaimsPrincipal user, Committees committees, CancellationToken ct)
    {
        var result = await committees.AddAsync(user, body, ct);
        return result.Value is { } committee ? TypedResults.Created($"/api/reform/committees/{committee.Id}", new NewId(committee.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddMeeting(Guid id, NewMeeting body, ClaimsPrincipal user, Committees committees, CancellationToken ct)
    {
        var result = await committees.MeetAsync(user, id, body, ct);
        return result.Value is { } meeting ? TypedResults.Created($"/api/reform/committees/{id}", new NewId(meeting.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<ItemList<ReformPlanItem>>, NotFound>> Plans(string? unit, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct) =>
        await desk.VisibleUnitAsync(unit, user, ct) is { } found ? TypedResults.Ok(new ItemList<ReformPlanItem>(await desk.PlansAsync(found, ct))) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReformPlanView>, NotFound>> Plan(Guid id, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct) =>
        await desk.PlanAsync(id, user, ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddPlan(NewReformPlan body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.AddPlanAsync(user, body, ct);
        return result.Value is { } plan ? TypedResults.Created($"/api/reform/plans/{plan.Id}", new NewId(plan.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Report(Guid id, Guid targetId, TargetReport body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.ReportAsync(user, id, targetId, body, ct);
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ItemList<FindingView>>, NotFound>> Findings(string? unit, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct) =>
        await desk.VisibleUnitAsync(unit, user, ct) is { } found ? TypedResults.Ok(new ItemList<FindingView>(await desk.FindingsAsync(found, ct))) : TypedResults.NotFound();

    private static async Task<Results<Created<NewId>, ProblemHttpResult>> AddFinding(NewFinding body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.AddFindingAsync(user, body, ct);
        return result.Value is { } finding ? TypedResults.Created($"/api/reform/findings/{finding.Id}", new NewId(finding.Id)) : result.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Done(Guid id, FindingDone body, ClaimsPrincipal user, ReformDesk desk, CancellationToken ct)
    {
        var result = await desk.CompleteAsync(user, id, body, ct);
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }
}
