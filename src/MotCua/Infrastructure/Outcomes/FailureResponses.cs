using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MotCua.Infrastructure.Outcomes;

/// <summary>The one mapping of a <see cref="Failure"/>: to the API's ProblemDetails, and to a page's ModelState.</summary>
public static class FailureResponses
{
    public static int Status(this Failure failure) => failure?.Kind switch
    {
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.TooMany => StatusCodes.Status429TooManyRequests,
        FailureKind.Unusable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>RFC 9457 ProblemDetails: the title, the first message as detail, and <c>errors</c> by field (a validation problem for an invalid request).</summary>
    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var problem = failure.Kind == FailureKind.Invalid
            ? new HttpValidationProblemDetails(failure.Errors.ToDictionary(e => e.Key, e => e.Value)) { Title = failure.Title }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = failure.Title, Detail = failure.Detail };
        problem.Status = failure.Status();
        if (failure.Kind != FailureKind.Invalid && failure.Errors.Keys.Any(k => k.Length > 0))
        {
            problem.Extensions["errors"] = failure.Errors; // which field the refusal is about (the token, the key…)
        }

        foreach (var (key, value) in failure.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// The failure's messages on the page's fields (a message not about one field goes on the empty key, the page's
    /// summary); with <paramref name="form"/>, on <c>form-field</c>, for a page of several forms whose inputs are so named.
    /// </summary>
    public static void AddTo(this Failure failure, ModelStateDictionary modelState, string? form = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var (field, messages) in failure.Errors)
        {
            modelState.AddModelError(field.Length == 0 || form is null ? field : $"{form}-{field}", string.Join(" ", messages));
        }

        if (failure.Errors.Count == 0)
        {
            modelState.AddModelError("", failure.Title);
        }
    }
}
