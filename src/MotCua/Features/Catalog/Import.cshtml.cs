using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Outcomes;

namespace MotCua.Features.Catalog;

/// <summary>Administrators import a catalog file (JSON or Excel); it is applied whole or not at all.</summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(CatalogImport.MaxBytes + 64 * 1024)]
public sealed class ImportModel(CatalogImport import) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var imported = await import.FromUploadAsync(Upload, User.Identity?.Name, ct);
        Result = imported.Value;
        imported.Failure?.AddTo(ModelState);
    }
}
