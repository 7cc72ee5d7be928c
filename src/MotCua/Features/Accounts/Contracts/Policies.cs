namespace MotCua.Features.Accounts.Contracts;

/// <summary>
/// Who may do what, by role (the matrix is in docs/access.md). Scope still applies inside each: a permitted role sees
/// only its units' records.
/// </summary>
public static class Policies
{
    /// <summary>Any staff account: the inbox, dossiers of its units, the citizen store (logged), notifications.</summary>
    public const string Staff = "staff";

    /// <summary>The counter: intake, returning results, calling queue tickets. One-stop officers, and leaders of an office that lets them stand in at the counter.</summary>
    public const string Counter = "counter";

    /// <summary>An office's queue figures and settings: its counter staff, its leaders and administrators.</summary>
    public const string QueueOffice = "queue-office";

    /// <summary>Dashboards, the service index, reports and their dossiers: leaders and administrators.</summary>
    public const string Reports = "reports";

    /// <summary>An office's own settings and devices (queue settings, kiosk keys): its leaders and administrators.</summary>
    public const string Management = "management";

    public const string Administrator = "administrator";

    /// <summary>A citizen signed in to the portal (a local account or the national identity): only their own dossiers and data.</summary>
    public const string Citizen = "citizen";

    /// <summary>The roles each role-based policy admits (besides being staff); the counter's rule is <c>CounterRequirement</c>.</summary>
    public static IReadOnlyList<string> RolesFor(string policy) => policy switch
    {
        QueueOffice => [Roles.OneStopOfficer, Roles.Leader, Roles.Administrator],
        Reports or Management => [Roles.Leader, Roles.Administrator],
        Administrator => [Roles.Administrator],
        _ => Roles.All,
    };
}
