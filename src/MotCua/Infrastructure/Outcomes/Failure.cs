using MotCua.Infrastructure.Text;

namespace MotCua.Infrastructure.Outcomes;

/// <summary>What kind of expected failure: each is one HTTP status and one way a page shows it.</summary>
public enum FailureKind
{
    /// <summary>400: the request is wrong; <see cref="Failure.Errors"/> says which field and why.</summary>
    Invalid,

    /// <summary>404: nothing there, or nothing the caller may see (the two look the same).</summary>
    NotFound,

    /// <summary>403: the caller may see it but not do this.</summary>
    Forbidden,

    /// <summary>409: the state does not allow it now (changed meanwhile, closed, not ready).</summary>
    Conflict,

    /// <summary>429: too many of these for now; the message says when to try again.</summary>
    TooMany,

    /// <summary>422: the request was well formed but what it carries cannot be used (a photo with no ID-card QR code in it).</summary>
    Unusable,
}

/// <summary>
/// An expected failure of a use case: its kind, a title for people, and the field errors (field → messages, the
/// field named as the API's JSON names it). Mapped once to ProblemDetails (<see cref="FailureResponses.ToProblem"/>)
/// and once to a page's ModelState (<see cref="FailureResponses.AddTo"/>).
/// </summary>
public sealed record Failure(FailureKind Kind, string Title, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>More for the API's answer (e.g. the dossier as it is now, after a conflict).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    /// <summary>The first message: the detail of the ProblemDetails.</summary>
    public string? Detail => Errors.Values.SelectMany(m => m).FirstOrDefault();

    public static Failure Invalid(string field, string message, string? title = null) => Invalid(new Dictionary<string, string[]> { [field] = [message] }, title);

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors, string? title = null) =>
        new(FailureKind.Invalid, title ?? Texts.Get("Problem.Invalid"), errors);

    public static Failure NotFound(string? title = null, string? field = null, string? message = null) =>
        new(FailureKind.NotFound, title ?? Texts.Get("Problem.NotFound"), field is null || message is null ? new Dictionary<string, string[]>() : new() { [field] = [message] });

    public static Failure Forbidden(string message, string? title = null, string field = "") =>
        new(FailureKind.Forbidden, title ?? Texts.Get("Problem.Forbidden"), new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Conflict(string message, string? title = null, string field = "") =>
        new(FailureKind.Conflict, title ?? Texts.Get("Problem.Conflict"), new Dictionary<string, string[]> { [field] = [message] });

    public static Failure TooMany(string message, string? title = null, string field = "") =>
        new(FailureKind.TooMany, title ?? Texts.Get("Problem.TooMany"), new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Unusable(string message, string title, string field = "") =>
        new(FailureKind.Unusable, title, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A use case's answer: its value, or the <see cref="Failure"/> that stopped it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));
}
