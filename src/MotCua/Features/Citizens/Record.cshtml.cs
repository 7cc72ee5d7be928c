using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Citizens;

/// <summary>
/// A citizen's full record: profile with the source of each value, conflicts to settle, documents, and the log of
/// who read it. Opening it writes to that log; without business with the citizen, a purpose must be given.
/// </summary>
public sealed class RecordModel(CitizenRecords records, CitizenStore store, ICitizenDocuments documents, StaffDirectory staff, TimeProvider clock) : PageModel
{
    /// <summary>The staff named in the record (who observed a value, who read it), by full name.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Who read or wrote: the person's full name; a colleague no longer in the directory as such; the system itself when nobody signed in did.</summary>
    public string NameOf(string? username) => username is null ? Texts.Get("Citizens.SystemReader") : Names.GetValueOrDefault(username, Texts.Get("Common.Colleague"));

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    public CitizenRecord? Record { get; private set; }

    public IReadOnlyList<CitizenDocument> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var opened = await records.OpenAsync(User, Id, Purpose, ct: ct);
        if (opened.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        Record = opened.Value;
        if (Record is not null)
        {
            Documents = await documents.ListAsync(Id, VietnamTime.Today(clock), ct);
            Names = await staff.FullNamesAsync([.. Record.AccessLog.Select(a => a.Username).Concat(Record.Values.Select(v => v.ObservedBy)).OfType<string>().Distinct()], ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid document, CancellationToken ct)
    {
        if (await records.AccessAsync(User, Id, Purpose, ct) is not { } access || await documents.OpenAsync(Id, document, ct) is not { } file)
        {
            return NotFound();
        }

        await records.LogAsync(User, Id, $"document:{document}", access.Purpose, file.SourceDossierCode ?? access.DossierCode, ct);
        return File(file.Content, file.ContentType);
    }

    /// <summary>An officer of a unit with business with the citizen settles a conflict between sources.</summary>
    public async Task<IActionResult> OnPostAsync(Guid valueId, bool accept, CancellationToken ct)
    {
        if (!await records.HasBusinessAsync(User, Id, ct))
        {
            return Forbid();
        }

        await store.SettleAsync(Id, valueId, accept, User.Identity?.Name, ct);
        return RedirectToPage(new { id = Id });
    }
}
