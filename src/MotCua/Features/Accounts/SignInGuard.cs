using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Telemetry;
using MotCua.Infrastructure.Web;

namespace MotCua.Features.Accounts;

/// <summary>The outcome of a password check: the account when it succeeded; <c>Wait</c> when this client must wait first.</summary>
public sealed record SignInCheck(Account? Account, TimeSpan? Wait);

/// <summary>
/// Checks a password for the login pages and the token endpoint alike. Failures are slowed, never locked: per
/// client address (whatever accounts it tries) and per account at that address, each with a growing wait, so a
/// stranger's guesses slow the stranger while the officer signs in at their own counter. Failures for one account
/// from many addresses are logged as an alert. A disabled account (Identity's lockout set for ever) never signs in.
/// </summary>
public sealed partial class SignInGuard(
    UserManager<Account> users, SignInManager<Account> signIn, FailureThrottle throttle, IOptions<AuthOptions> options, AppMetrics metrics, ILogger<SignInGuard> logger)
{
    private static readonly ThrottlePolicy PerAddress = new(Free: 20, First: TimeSpan.FromSeconds(1), Longest: TimeSpan.FromMinutes(15), Forget: TimeSpan.FromHours(1));
    private static readonly ThrottlePolicy Counting = new(Free: int.MaxValue, First: TimeSpan.Zero, Longest: TimeSpan.Zero, Forget: TimeSpan.FromHours(1));

    /// <summary>Checks the password of an account of <paramref name="kind"/>: staff by username, a citizen by ID number (a confirmed account only).</summary>
    public async Task<SignInCheck> CheckAsync(string username, string password, string? client, AccountKind kind = AccountKind.Staff)
    {
        var name = users.NormalizeName(username.Trim());
        var address = "signin-address:" + (client ?? "unknown");
        var pair = $"signin-account:{name}:{client}";
        var wait = Longer(throttle.Wait(address), throttle.Wait(pair));
        if (wait is not null)
        {
            metrics.SignInFailed(EnumNames.Of(kind));
            return new SignInCheck(null, wait);
        }

        var account = await users.FindByNameAsync(name);
        if (account is null || account.Kind != kind || (kind == AccountKind.Citizen && !account.PhoneNumberConfirmed))
        {
            // Spend the time a real check would, so timing does not reveal unknown accounts.
            users.PasswordHasher.HashPassword(new Account(), password);
        }
        else if ((await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: false)).Succeeded)
        {
            throttle.Succeed(pair);
            return new SignInCheck(account, null);
        }

        var perAccount = new ThrottlePolicy(options.Value.MaxFailedAttempts, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(options.Value.LockoutMinutes), TimeSpan.FromHours(1));
        if (throttle.Fail(address, PerAddress) == PerAddress.Free + 1)
        {
            LogAddressSlowed(logger, client);
        }

        throttle.Fail(pair, perAccount);
        var total = throttle.Fail("signin-total:" + name, Counting);
        if (total == 20 || total % 100 == 0)
        {
            LogAccountUnderAttack(logger, username.Trim(), total);
        }

        metrics.SignInFailed(EnumNames.Of(kind));
        return new SignInCheck(null, null);
    }

    private static TimeSpan? Longer(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failures from {Client} are now slowed (many accounts or passwords tried)")]
    private static partial void LogAddressSlowed(ILogger logger, string? client);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "SignInAttack", Message = "ALERT: {Failures} failed sign-ins for account {Username} within the hour, from one or more addresses")]
    private static partial void LogAccountUnderAttack(ILogger logger, string username, int failures);
}
