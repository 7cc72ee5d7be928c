namespace MotCua.Features.Accounts.Contracts;

public static class Policies
{
    public const string Staff = "staff";
    public const string Administrator = "administrator";
}
