using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Features.Intake;

/// <summary>The second screen turned to the citizen: it shows, live, what the officer enters, so they can check it.</summary>
public sealed class ScreenModel : PageModel
{
    public void OnGet()
    {
    }
}
