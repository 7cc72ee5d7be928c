namespace MotCua.Features.Citizens.Contracts;

/// <summary>What the counter tells the store: an ID card scanned, contact data given by the citizen.</summary>
public sealed class CitizenIntake(CitizenStore store)
{
    public async Task<(Guid CitizenId, IReadOnlyList<string> Conflicts)> FromIdCardAsync(IdCard card, string? officer, Guid? officeId, CancellationToken ct = default)
    {
        var result = await store.ObserveAsync(CitizenObservation.From(card), ProfileSource.IdCardQr, officer, officeId, ct: ct);
        return (result.CitizenId, result.Conflicts);
    }

    /// <summary>The applicant as declared on a dossier: fills the store (source: dossier); with the dossier's code, gives the office business with the citizen.</summary>
    public async Task<(Guid CitizenId, IReadOnlyList<string> Conflicts)> FromDossierAsync(CitizenObservation applicant, string? officer, Guid? officeId, string? dossierCode, CancellationToken ct = default)
    {
        var result = await store.ObserveAsync(applicant, ProfileSource.Dossier, officer, officeId, dossierCode, ct);
        return (result.CitizenId, result.Conflicts);
    }

    /// <summary>The office holds the dossier: its staff have business with the applicant's record from now on.</summary>
    public Task HoldsDossierAsync(Guid citizenId, Guid officeId, string dossierCode, CancellationToken ct = default) =>
        store.HoldsDossierAsync(citizenId, officeId, dossierCode, ct);

    /// <summary>What the citizen declares or corrects in the portal: kept as a new observation (source: the citizen's account), never over a card's identity.</summary>
    public Task<ObserveResult> FromCitizenAsync(CitizenObservation declared, CancellationToken ct = default) =>
        store.ObserveAsync(declared, ProfileSource.OnlineAccount, null, null, ct: ct);

    /// <summary>What the national identity provider vouches for at a sign-in (source: the national identity).</summary>
    public Task<ObserveResult> FromNationalIdentityAsync(CitizenObservation vouched, CancellationToken ct = default) =>
        store.ObserveAsync(vouched, ProfileSource.NationalIdentity, null, null, ct: ct);

    public Task ContactAsync(string idNumber, string? phone, string? email, string? officer, CancellationToken ct = default) =>
        store.ObserveAsync(new CitizenObservation(idNumber, Phone: phone, Email: email), ProfileSource.Officer, officer, null, ct: ct);
}
