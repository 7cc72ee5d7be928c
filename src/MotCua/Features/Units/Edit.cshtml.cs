using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Features.Accounts.Contracts;
using MotCua.Infrastructure.Database;

namespace MotCua.Features.Units;

/// <summary>Administrators add a unit or change one; a reform is recorded by closing a unit and naming its successor.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public bool IsNew => Code is null;

    public IEnumerable<SelectListItem> Kinds { get; private set; } = [];

    public IEnumerable<SelectListItem> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Code is not null)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == Code, ct);
            if (unit is null)
            {
                return NotFound();
            }

            Input = new UnitInput
            {
                Code = unit.Code, Name = unit.Name, Kind = unit.Kind, ValidFrom = unit.ValidFrom, ValidTo = unit.ValidTo,
                ReceivesDossiers = unit.ReceivesDossiers, LeadersAtCounter = unit.LeadersAtCounter, Note = unit.Note, Function = unit.Function,
                ParentCode = unit.ParentId is null ? null : await db.Units.Where(p => p.Id == unit.ParentId).Select(p => p.Code).FirstAsync(ct),
                SuccessorCode = unit.SuccessorId is null ? null : await db.Units.Where(p => p.Id == unit.SuccessorId).Select(p => p.Code).FirstAsync(ct),
            };
            var shares = await (from s in db.Set<UnitSuccession>() where s.PredecessorId == unit.Id
                                join u in db.Units on s.SuccessorId equals u.Id
                                orderby s.SharePercent descending
                                select new { s.SuccessorId, u.Code, s.SharePercent }).ToListAsync(ct);
            Input.SuccessorShare = shares.FirstOrDefault(s => s.SuccessorId == unit.SuccessorId)?.SharePercent;
            Input.Parts = [.. shares.Where(s => s.SuccessorId != unit.SuccessorId).Select(s => new PartInput { Code = s.Code, Share = s.SharePercent })];
        }
        else
        {
            Input.ValidFrom = Infrastructure.VietnamTime.Today(clock);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unit = Code is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Code == Code, ct);
        if (Code is not null && unit is null)
        {
            return NotFound();
        }

        Input.Code = Input.Code.Trim();
        var parent = Input.ParentCode is { Length: > 0 } pc ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == pc, ct) : null;
        var successor = Input.SuccessorCode is { Length: > 0 } sc ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == sc, ct) : null;
        Input.Parts = [.. Input.Parts.Where(p => !string.IsNullOrWhiteSpace(p.Code) || p.Share is not null)];
        var partCodes = Input.Parts.Select(p => p.Code?.Trim() ?? "").ToList();
        var partUnits = await db.Units.AsNoTracking().Where(u => partCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        if (ModelState.IsValid)
        {
            Validate(unit, parent, successor, await db.Units.AnyAsync(u => u.Code == Input.Code && (unit == null || u.Id != unit.Id), ct),
                unit is not null && parent is not null && await IsBelowAsync(parent.Id, unit.Id, ct));
            ValidateParts(unit, successor, partUnits);
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        unit ??= db.Units.Add(new Unit { Code = Input.Code, Name = Input.Name }).Entity;
        unit.Code = Input.Code;
        unit.Name = Input.Name.Trim();
        unit.Kind = Input.Kind;
        unit.ParentId = parent?.Id;
        unit.ValidFrom = Input.ValidFrom!.Value;
        unit.ValidTo = Input.ValidTo;
        unit.SuccessorId = successor?.Id;
        unit.ReceivesDossiers = Input.ReceivesDossiers;
        unit.LeadersAtCounter = Input.ReceivesDossiers && Input.LeadersAtCounter;
        unit.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        unit.Function = string.IsNullOrWhiteSpace(Input.Function) ? null : Input.Function.Trim().ToLowerInvariant();
        db.RemoveRange(await db.Set<UnitSuccession>().Where(s => s.PredecessorId == unit.Id).ToListAsync(ct)); // replaced in the same save
        if (successor is not null && Input.Parts.Count > 0)
        {
            db.Add(new UnitSuccession { PredecessorId = unit.Id, SuccessorId = successor.Id, SharePercent = Input.SuccessorShare!.Value });
            db.AddRange(Input.Parts.Select(p => new UnitSuccession { PredecessorId = unit.Id, SuccessorId = partUnits[p.Code!.Trim()], SharePercent = p.Share!.Value }));
        }

        await db.SaveChangesAsync(ct);
        return Redirect("/Units?all=true");
    }

    private void Validate(Unit? unit, Unit? parent, Unit? successor, bool codeTaken, bool parentIsBelow)
    {
        if (codeTaken)
        {
            ModelState.AddModelError("Input.Code", text["Units.CodeTaken"]);
        }

        if (Input.ParentCode is { Length: > 0 } && parent is null)
        {
            ModelState.AddModelError("Input.ParentCode", text["Units.UnknownUnit"]);
        }

        if (Input.SuccessorCode is { Length: > 0 } && successor is null)
        {
            ModelState.AddModelError("Input.SuccessorCode", text["Units.UnknownUnit"]);
        }

        if (unit is not null && (parent?.Id == unit.Id || parentIsBelow))
        {
            ModelState.AddModelError("Input.ParentCode", text["Units.ParentCycle"]);
        }

        if (unit is not null && successor?.Id == unit.Id)
        {
            ModelState.AddModelError("Input.SuccessorCode", text["Units.SuccessorSelf"]);
        }

        if (Input.ValidTo is { } to && to < Input.ValidFrom)
        {
            ModelState.AddModelError("Input.ValidTo", text["Units.ValidToBeforeFrom"]);
        }

        if (successor is not null && Input.ValidTo is null)
        {
            ModelState.AddModelError("Input.ValidTo", text["Units.SuccessorNeedsEnd"]);
        }
    }

    /// <summary>A unit divided among several: the principal successor and each other one named once, with shares of 1–100 % adding up to at most 100 %.</summary>
    private void ValidateParts(Unit? unit, Unit? successor, Dictionary<string, Guid> partUnits)
    {
        if (Input.Parts.Count == 0)
        {
            return;
        }

        if (successor is null)
        {
            ModelState.AddModelError("Input.SuccessorCode", text["Units.PartsNeedPrincipal"]);
        }

        if (Input.SuccessorShare is not (>= 1 and <= 100))
        {
            ModelState.AddModelError("Input.SuccessorShare", text["Units.ShareRange"]);
        }

        var seen = new HashSet<string> { successor?.Code ?? "" };
        for (var i = 0; i < Input.Parts.Count; i++)
        {
            var part = Input.Parts[i];
            var code = part.Code?.Trim() ?? "";
            if (!partUnits.TryGetValue(code, out var id))
            {
                ModelState.AddModelError($"Input.Parts[{i}].Code", text["Units.UnknownUnit"]);
            }
            else if (id == unit?.Id || !seen.Add(code))
            {
                ModelState.AddModelError($"Input.Parts[{i}].Code", text["Units.PartTwice"]);
            }

            if (part.Share is not (>= 1 and <= 100))
            {
                ModelState.AddModelError($"Input.Parts[{i}].Share", text["Units.ShareRange"]);
            }
        }

        if ((Input.SuccessorShare ?? 0) + Input.Parts.Sum(p => p.Share ?? 0) > 100)
        {
            ModelState.AddModelError("Input.SuccessorShare", text["Units.SharesOver100"]);
        }
    }

    private async Task<bool> IsBelowAsync(Guid candidate, Guid unitId, CancellationToken ct)
    {
        var links = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        for (Guid? at = candidate; at is { } id; at = links.GetValueOrDefault(id))
        {
            if (id == unitId)
            {
                return true;
            }
        }

        return false;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = Enum.GetValues<UnitKind>().Select(k => new SelectListItem(text["UnitKind." + k], k.ToString()));
        Others = (await db.Units.AsNoTracking().OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            .Where(u => u.Code != Code)
            .Select(u => new SelectListItem($"{u.Name} ({u.Code})", u.Code));
    }

    public sealed class UnitInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^\s*\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}\s*$", ErrorMessage = "Units.CodeFormat")]
        [Display(Name = "Units.Code")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Units.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Units.Kind")]
        public UnitKind Kind { get; set; } = UnitKind.Ward;

        [Display(Name = "Units.Parent")]
        public string? ParentCode { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Units.ValidFrom")]
        public DateOnly? ValidFrom { get; set; }

        [Display(Name = "Units.ValidTo")]
        public DateOnly? ValidTo { get; set; }

        [Display(Name = "Units.Successor")]
        public string? SuccessorCode { get; set; }

        /// <summary>The principal successor's share, when the unit was divided among several.</summary>
        [Display(Name = "Units.Share")]
        public int? SuccessorShare { get; set; }

        /// <summary>The other units that took part of it.</summary>
        public List<PartInput> Parts { get; set; } = [];

        public bool ReceivesDossiers { get; set; }

        public bool LeadersAtCounter { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Units.Note")]
        public string? Note { get; set; }

        [StringLength(40, ErrorMessage = "Validation.TooLong")]
        [RegularExpression("^[a-zA-Z-]*$", ErrorMessage = "Validation.Format")]
        [Display(Name = "Units.Function")]
        public string? Function { get; set; }
    }

    public sealed class PartInput
    {
        [Display(Name = "Units.Successor")]
        public string? Code { get; set; }

        [Display(Name = "Units.Share")]
        public int? Share { get; set; }
    }

    /// <summary>Rows of the form for other successors: those named, and empty ones up to four.</summary>
    public IReadOnlyList<PartInput> PartRows => [.. Input.Parts, .. Enumerable.Range(0, Math.Max(0, 4 - Input.Parts.Count)).Select(_ => new PartInput())];
}
