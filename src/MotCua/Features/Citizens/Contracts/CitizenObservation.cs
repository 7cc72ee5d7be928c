namespace MotCua.Features.Citizens.Contracts;

/// <summary>What a source says about a person; null fields say nothing.</summary>
public sealed record CitizenObservation(
    string IdNumber, string? FullName = null, DateOnly? DateOfBirth = null, Sex? Sex = null, string? Address = null, string? Phone = null,
    string? Email = null, string? OldIdNumber = null, DateOnly? IdIssueDate = null)
{
    public static CitizenObservation From(IdCard card) =>
        new(card.IdNumber, card.FullName, card.DateOfBirth, card.Sex, card.Address.Length == 0 ? null : card.Address, OldIdNumber: card.OldIdNumber, IdIssueDate: card.IssueDate); // a new card without the residence says nothing of it
}

public sealed record ObserveResult(Guid CitizenId, bool Created, IReadOnlyList<string> Conflicts);
