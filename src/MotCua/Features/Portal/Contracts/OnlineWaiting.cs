using System.Security.Claims;

namespace MotCua.Features.Portal.Contracts;

/// <summary>A document the citizen attaches: one of their store, reused or uploaded through the portal.</summary>
public sealed record AttachedDocument(string DocumentType, Guid DocumentId);

/// <summary>An online application waiting at an office's intake, as the officer's inbox lists it.</summary>
public sealed record WaitingApplication(string Reference, string ProcedureCode, string ProcedureName, IReadOnlyDictionary<string, string> Answers, DateTimeOffset SubmittedAt)
{
    public string ApplicantName => Answers.GetValueOrDefault("applicant.fullName") ?? "";
}

/// <summary>The online applications waiting for a one-stop officer of the caller's offices (the inbox's "online" filter).</summary>
public interface IOnlineWaiting
{
    Task<IReadOnlyList<WaitingApplication>> WaitingAsync(ClaimsPrincipal user, int limit, CancellationToken ct = default);

    Task<int> CountWaitingAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

/// <summary>What a citizen's reference leads to: their online application's reference and, once received, the dossier's code.</summary>
public sealed record CitizenDossierRef(string Reference, string? DossierCode);

/// <summary>The caller's own application or dossier behind a reference (the portal's reference or a dossier code); null for anything that is not theirs.</summary>
public interface ICitizenDossiers
{
    Task<CitizenDossierRef?> FindAsync(string reference, ClaimsPrincipal citizen, CancellationToken ct = default);
}
