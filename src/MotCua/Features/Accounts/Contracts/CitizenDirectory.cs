namespace MotCua.Features.Accounts.Contracts;

/// <summary>How the citizen store reaches a person: their name, and the phone or e-mail it already holds.</summary>
public sealed record CitizenReach(string FullName, string? Phone, string? Email);

/// <summary>What the national identity provider vouches for at a sign-in (sex as <c>male</c> or <c>female</c>).</summary>
public sealed record VouchedCitizen(string IdNumber, string? FullName, DateOnly? DateOfBirth, string? Sex, string? Phone, string? Email);

/// <summary>
/// What citizen accounts need of the citizen store, which answers it (Citizens implements it): the store's own
/// contacts for a one-time code, and what a national sign-in vouches for.
/// </summary>
public interface ICitizenDirectory
{
    Task<CitizenReach?> ReachAsync(string idNumber, CancellationToken ct = default);

    Task VouchedAsync(VouchedCitizen citizen, CancellationToken ct = default);
}
