namespace MotCua.Features.Accounts.Contracts;

/// <summary>The staff roles; which actions each may take is decided where the action lives.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Leader = "Leader";
    public const string OneStopOfficer = "OneStopOfficer";
    public const string Specialist = "Specialist";

    public static readonly IReadOnlyList<string> All = [Administrator, Leader, OneStopOfficer, Specialist];
}
