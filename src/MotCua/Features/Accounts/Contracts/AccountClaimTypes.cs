namespace MotCua.Features.Accounts.Contracts;

public static class AccountClaimTypes
{
    public const string Kind = "motcua:kind";
    public const string FullName = "motcua:fullname";

    /// <summary>A citizen account's 12-digit ID number: the portal reads and writes only what belongs to it.</summary>
    public const string IdNumber = "motcua:idnumber";
}
