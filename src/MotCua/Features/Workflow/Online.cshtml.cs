using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure.Outcomes;
using MotCua.Features.Portal.Contracts;

namespace MotCua.Features.Workflow;

/// <summary>
/// The one-stop officer checks an online application: what the citizen declared and attached, then receives it (the
/// dossier and its receipt), asks once for everything missing (form 02) or refuses it with the reason (form 03).
/// </summary>
public sealed class OnlineModel(OnlineIntake intake, DocumentStore documents) : PageModel
{
    [FromRoute]
    public string Reference { get; set; } = "";

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int? ExpectedVersion { get; set; }

    public OnlineApplicationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct) =>
        await intake.DocumentAsync(Reference, id, User, documents, ct) is { } file ? File(file.Content, "application/pdf") : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        var result = await intake.AcceptAsync(Reference, new OnlineDecision(ExpectedVersion, null), User, ct);
        if (result.Value is { } dossier)
        {
            return Redirect($"/Workflow/Dossier/{dossier.Code}");
        }

        return await FailedAsync(result.Failure!, ct);
    }

    public async Task<IActionResult> OnPostSupplementAsync(CancellationToken ct) =>
        await intake.RequestSupplementAsync(Reference, new OnlineDecision(ExpectedVersion, Note), User, ct) is { } failure ? await FailedAsync(failure, ct) : Redirect("/Workflow?filter=online");

    public async Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) =>
        await intake.RefuseAsync(Reference, new OnlineDecision(ExpectedVersion, Note), User, ct) is { } failure ? await FailedAsync(failure, ct) : Redirect("/Workflow?filter=online");

    private async Task<IActionResult> FailedAsync(Failure failure, CancellationToken ct)
    {
        if (failure.Kind == FailureKind.NotFound || !await LoadAsync(ct))
        {
            return NotFound();
        }

        failure.AddTo(ModelState);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await intake.ReadAsync(Reference, User, ct) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
