namespace MotCua.Features.Accounts.Contracts;

public static class AccountClaimTypes
{
    public const string Kind = "motcua:kind";
    public const string FullName = "motcua:fullname";
}
