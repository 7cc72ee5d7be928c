using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Accounts.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Outcomes;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Staffing;

/// <summary>
/// A unit's people and job positions today; its leaders (and those above) add a position, add a person (appointed at
/// once), record an exemption from rotation, or import a staff list from Excel. ID numbers are entered, never shown.
/// </summary>
[RequestSizeLimit(StaffImport.MaxBytes + 64 * 1024)]
public sealed class PeopleModel(StaffRecords records, StaffImport import, StaffingDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty]
    public PositionInput NewPost { get; set; } = new();

    [BindProperty]
    public PersonInput NewPerson { get; set; } = new();

    public UnitInfo? Current { get; private set; }

    public bool MayEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<PositionLine> Positions { get; private set; } = [];

    public IReadOnlyList<PersonLine> People { get; private set; } = [];

    public int PeopleCount { get; private set; }

    /// <summary>What the last action did, for the status line.</summary>
    public string? Done { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostPositionAsync(CancellationToken ct)
    {
        var body = new NewPosition(Unit, NewPost.Name, NewPost.Category, NewPost.Rotated ? NewPost.RotationYears : null, NewPost.Rank, NewPost.RotationBasis);
        var result = await records.AddPositionAsync(User, body, ct);
        return await AfterAsync(result.Failure, "position", result.Value is { } p ? Texts.Get("Staffing.PositionAdded", p.Name) : null, ct);
    }

    public async Task<IActionResult> OnPostPersonAsync(CancellationToken ct)
    {
        var body = new NewPerson(NewPerson.FullName, NewPerson.IdNumber?.Trim(), NewPerson.Category, NewPerson.Account, NewPerson.Rank, NewPerson.JoinedOn);
        var result = await records.AddPersonAsync(User, body, new Appointment(NewPerson.PositionId, NewPerson.From, NewPerson.Decision), ct);
        return await AfterAsync(result.Failure, "person", result.Value is { } p ? Texts.Get("Staffing.PersonAdded", p.FullName) : null, ct);
    }

    public async Task<IActionResult> OnPostExemptAsync(Guid person, DateOnly? until, string? reason, CancellationToken ct)
    {
        var result = await records.ExemptAsync(User, person, new Exemption(until, reason), ct);
        return await AfterAsync(result.Failure, "exempt", result.Value is { } p ? Texts.Get("Staffing.ExemptionSaved", p.FullName) : null, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Leader) && !User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        Result<ImportedStaff> result;
        await using (var source = upload?.OpenReadStream() ?? Stream.Null)
        {
            result = await import.FromUploadAsync(source, upload?.Length ?? 0, User, ct);
        }

        if (result.Failure is { } failure)
        {
            // Each bad row and column ("row 5.Số định danh") as people read it.
            foreach (var (key, messages) in failure.Errors)
            {
                var at = key.StartsWith("row ", StringComparison.Ordinal) && key.IndexOf('.', StringComparison.Ordinal) is > 4 and var dot
                    ? Texts.Get("Staffing.Import.At", key[4..dot], key[(dot + 1)..]) + " "
                    : "";
                ModelState.AddModelError("import-file", at + string.Join(" ", messages));
            }

            ModelState.AddModelError("import-file", failure.Title);
        }

        return await AfterAsync(null, "import", result.Value is { } done ? Texts.Get("Staffing.Imported", done.People, done.Positions) : null, ct);
    }

    /// <summary>After an action: its failure on the form's fields (ids <c>form-field</c>), or what it did; then the page as it is now.</summary>
    private async Task<IActionResult> AfterAsync(Failure? failure, string form, string? done, CancellationToken ct)
    {
        if (failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (failure is not null)
        {
            failure.AddTo(ModelState, form);
        }
        else if (ModelState.IsValid)
        {
            Done = done;
            (NewPost, NewPerson) = (new(), new());
            ModelState.Clear();
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        Current = await records.VisibleUnitAsync(Unit, User, ct);
        if (Current is null)
        {
            return NotFound();
        }

        MayEdit = await desk.MayEditAsync(User, Current.Id, ct);
        Positions = await records.PositionsAsync([Current.Id], Today, ct);
        (People, PeopleCount) = await records.PeopleAsync(Current.Id, Today, ct);
        NewPerson.From ??= Today;
        return Page();
    }

    public sealed class PositionInput
    {
        public string? Name { get; set; }

        public string? Category { get; set; } = "civilServant";

        public string? Rank { get; set; }

        public bool Rotated { get; set; }

        public int? RotationYears { get; set; } = 3;

        public string? RotationBasis { get; set; }
    }

    public sealed class PersonInput
    {
        public string? FullName { get; set; }

        public string? IdNumber { get; set; }

        public string? Category { get; set; } = "civilServant";

        public string? Rank { get; set; }

        public DateOnly? JoinedOn { get; set; }

        public string? Account { get; set; }

        public Guid? PositionId { get; set; }

        public DateOnly? From { get; set; }

        public string? Decision { get; set; }
    }
}
