using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Files;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens;

public sealed record ParseRequest(string? Qr);

public sealed record IdCardResponse(
    string IdNumber, string? OldIdNumber, string FullName, DateOnly DateOfBirth, string Sex, string Address, DateOnly? IssueDate,
    string BirthProvinceCode, IReadOnlyList<string> Warnings, string CardType)
{
    public static IdCardResponse From(IdCard c) => new(
        c.IdNumber, c.OldIdNumber, c.FullName, c.DateOfBirth, c.Sex == Contracts.Sex.Male ? "male" : "female", c.Address, c.IssueDate, c.BirthProvinceCode, c.Warnings,
        c.IdentityCard ? "identityCard" : "citizenIdCard");
}

public sealed record CitizenSearchResponse(IReadOnlyList<CitizenListItem> Items, bool More);

internal static class CitizensApi
{
    public const long MaxScanBytes = 15 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("/api/id-cards").WithTags("ID cards").RequireAuthorization(Policies.Staff);
        cards.MapPost("/parse", Parse).WithSummary("Parse the text of a chip ID card's QR code (as a keyboard-wedge scanner types it)");
        cards.MapPost("/decode", Decode).DisableAntiforgery().WithSummary("Find and parse the ID card's QR code in a scan or photo (PNG, JPEG or PDF)");

        var citizens = app.MapGroup("/api/citizens").WithTags("Citizens").RequireAuthorization(Policies.Staff);
        citizens.MapGet("/", Search).WithSummary("Search by ID number, phone or name (without diacritics); ID numbers masked");
        var organisations = app.MapGroup("/api/organisations").WithTags("Citizens").RequireAuthorization(Policies.Staff);
        organisations.MapPost("/", SaveOrganisation).WithSummary("Add or update an organisation, keyed by its tax code");
        organisations.MapGet("/", SearchOrganisations).WithSummary("Search organisations by tax code or name (without diacritics)");

        citizens.MapGet("/{idNumber}", Read).WithSummary("The full record; needs a unit with business with the citizen or a purpose; logged");
    }

    private static Results<Ok<IdCardResponse>, ProblemHttpResult> Parse(ParseRequest request, TimeProvider clock)
    {
        var (card, errors) = IdCardQr.Parse(request.Qr, VietnamTime.Today(clock));
        return card is null ? Failure.Invalid(errors).ToProblem() : TypedResults.Ok(IdCardResponse.From(card));
    }

    private static async Task<Results<Ok<IdCardResponse>, ProblemHttpResult>> Decode(HttpRequest request, FileWork work, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Failure.Invalid("file", Texts.Get("Files.SendMultipartFile")).ToProblem();
        }

        if (request.ContentLength > MaxScanBytes + (64 * 1024))
        {
            return Failure.Invalid("file", Texts.Get("Citizens.PhotoTooLarge")).ToProblem();
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Failure.Invalid("file", Texts.Get("Citizens.PhotoRequired")).ToProblem();
        }

        if (file.Length > MaxScanBytes)
        {
            return Failure.Invalid("file", Texts.Get("Citizens.PhotoTooLarge")).ToProblem();
        }

        if (FileSniffer.NameError(file.FileName) is { } nameError)
        {
            return Failure.Invalid("file", nameError).ToProblem();
        }

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = FileSniffer.Sniff(bytes);
        if (type == SniffedType.Unknown)
        {
            return Failure.Invalid("file", Texts.Get("Citizens.PhotoType")).ToProblem();
        }

        var (text, refused) = await work.RunAsync(budget => IdCardDecoder.Decode(bytes, type, budget), ct);
        if (refused is not null)
        {
            return Failure.Invalid("file", refused).ToProblem();
        }

        if (text is null)
        {
            return Failure.Unusable(Texts.Get("Citizens.NoQrDetail"), Texts.Get("Citizens.NoQrTitle"), "file").ToProblem();
        }

        var (card, errors) = IdCardQr.Parse(text, VietnamTime.Today(clock));
        return card is null
            ? Failure.Unusable(string.Join(" ", errors.SelectMany(e => e.Value)), Texts.Get("Citizens.NotIdCardQrTitle"), "file").ToProblem()
            : TypedResults.Ok(IdCardResponse.From(card));
    }

    private static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> SaveOrganisation(OrganisationInput input, OrganisationStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = RequestRules.Errors(input);
        return errors.Count > 0 ? Failure.Invalid(errors).ToProblem() : TypedResults.Ok(await store.SaveAsync(input, ProfileSource.Officer, user.Identity?.Name, ct));
    }

    private static async Task<Results<Ok<OrganisationList>, ProblemHttpResult>> SearchOrganisations(string? q, OrganisationStore store, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2
            ? Failure.Invalid("q", Texts.Get("Citizens.OrganisationQueryShort")).ToProblem()
            : TypedResults.Ok(new OrganisationList(await store.SearchAsync(q, ct)));

    private static async Task<Results<Ok<CitizenSearchResponse>, ProblemHttpResult>> Search(string? q, int? offset, int? limit, CitizenRecords records, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
        {
            return Failure.Invalid("q", Texts.Get("Citizens.QueryShort")).ToProblem();
        }

        var (items, more) = await records.SearchAsync(q, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 20, 1, 100), ct);
        return TypedResults.Ok(new CitizenSearchResponse(items, more));
    }

    private static async Task<Results<Ok<CitizenRecord>, NotFound, ProblemHttpResult>> Read(string idNumber, string? purpose, string? dossierCode, ClaimsPrincipal user, CitizenRecords records, CancellationToken ct)
    {
        if (await records.FindIdAsync(idNumber, ct) is not { } id)
        {
            return TypedResults.NotFound();
        }

        var opened = await records.OpenAsync(user, id, purpose, dossierCode, ct: ct);
        return opened.Value is { } record ? TypedResults.Ok(record) : opened.Failure!.ToProblem();
    }
}
