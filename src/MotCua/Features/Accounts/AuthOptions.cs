using System.ComponentModel.DataAnnotations;

namespace MotCua.Features.Accounts;

/// <summary>Configuration section "Auth".</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Range(5, 24 * 60)]
    public int TokenMinutes { get; set; } = 8 * 60;

    [Range(3, 20)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}
