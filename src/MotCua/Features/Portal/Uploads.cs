using Microsoft.AspNetCore.Mvc.ModelBinding;
using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Citizens.Contracts;
using MotCua.Features.Documents.Contracts;
using MotCua.Infrastructure.Files;

namespace MotCua.Features.Portal;

/// <summary>
/// Files the citizen uploads on a portal page, one input per document the procedure asks for (<c>file:{type}</c>):
/// each decoded under the counter's bounds and kept in the citizen's store; a file that is not what it claims is
/// named on its field.
/// </summary>
public sealed class Uploads(CitizenRecords records, CitizenIntake citizens, DocumentStore documents, FileWork work)
{
    public async Task<List<DocumentRef?>> StoreAsync(IFormFileCollection files, IEnumerable<RequiredDocument> asked, string idNumber, ModelStateDictionary errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(errors);
        var stored = new List<DocumentRef?>();
        foreach (var d in asked)
        {
            var chosen = files.GetFiles("file:" + d.DocumentType);
            if (chosen.Count == 0 || chosen.All(f => f.Length == 0))
            {
                continue;
            }

            var scanned = await ScanConverter.ToPdfAsync(chosen, work, ct);
            if (scanned.Value is not { } pdf)
            {
                errors.AddModelError("file_" + d.DocumentType, scanned.Failure!.Detail ?? "");
                continue;
            }

            var citizenId = await records.FindIdAsync(idNumber, ct) ?? (await citizens.FromCitizenAsync(new CitizenObservation(idNumber), ct)).CitizenId;
            var document = await documents.AddAsync(new NewDocument(citizenId, null, d.DocumentType, d.Name, null, null, null, null, null, null), pdf.Pdf, pdf.Pages, null, ct);
            stored.Add(new DocumentRef(d.DocumentType, document.Id));
        }

        return stored;
    }
}
