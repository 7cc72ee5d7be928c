using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features;

/// <summary>A friendly page for every error status; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Error.Heading";

    public string Explanation { get; private set; } = "Error.Unexpected";

    public string? TraceId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Explanation) = code switch
        {
            404 => ("Error.NotFound", "Error.NotFoundText"),
            403 => ("Error.Forbidden", "Error.ForbiddenText"),
            400 => ("Error.BadRequest", "Error.BadRequestText"),
            429 => ("Error.TooMany", "Error.TooManyText"),
            _ => ("Error.Heading", "Error.Unexpected"),
        };
        if (code is null or >= 500)
        {
            TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        }

        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
