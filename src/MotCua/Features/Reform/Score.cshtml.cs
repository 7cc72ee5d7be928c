using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Reform;

/// <summary>A unit's reform index of a year, criterion by criterion: its leaders' own points and evidence, the city's appraisal.</summary>
public sealed class ScoreModel(ReformDesk desk, ParIndex index, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public List<ScoreInput> Scores { get; set; } = [];

    public UnitInfo? Current { get; private set; }

    public IndexView? View { get; private set; }

    public bool Saved { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await desk.VisibleUnitAsync(Unit, User, ct) is not { } unit)
        {
            return NotFound();
        }

        var year = YearOf();
        var before = (await index.ReadAsync(unit, year, ct)).Groups.SelectMany(g => g.Criteria).ToDictionary(c => c.Code);
        foreach (var score in Scores.Where(s => s.Code is not null && before.ContainsKey(s.Code)))
        {
            var was = before[score.Code!];
            var change = new ScoreChange(
                score.Self != was.Self ? score.Self : null, score.Appraised is not null && score.Appraised != was.Appraised ? score.Appraised : null,
                (score.Evidence ?? "") != (was.Evidence ?? "") ? score.Evidence ?? "" : null);
            if (change is { Self: null, Appraised: null, Evidence: null })
            {
                continue;
            }

            var result = await index.ScoreAsync(User, unit, year, score.Code!, change, ct);
            foreach (var (field, messages) in result.Failure?.Errors ?? new Dictionary<string, string[]>())
            {
                ModelState.AddModelError($"{field}-{score.Code}", Texts.Get("Reform.CriterionProblem", score.Code!, string.Join(" ", messages)));
            }
        }

        Saved = ModelState.IsValid;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(string? criterion, List<IFormFile> files, CancellationToken ct)
    {
        if (await desk.VisibleUnitAsync(Unit, User, ct) is not { } unit)
        {
            return NotFound();
        }

        var result = await index.AttachEvidenceAsync(User, unit, YearOf(), criterion ?? "", files, ct);
        if (result.Failure is { } failure)
        {
            if (failure.Kind == Infrastructure.Outcomes.FailureKind.NotFound)
            {
                ModelState.AddModelError("evidence-criterion", Texts.Get("Reform.CriterionRequired"));
            }
            else
            {
                Infrastructure.Outcomes.FailureResponses.AddTo(failure, ModelState, "evidence");
            }
        }

        Saved = result.Value is not null;
        return await ShowAsync(ct);
    }

    private int YearOf() => Year is >= 2000 and <= 2100 ? Year.Value : VietnamTime.Today(clock).Year;

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Current = await desk.VisibleUnitAsync(Unit, User, ct);
        if (Current is null)
        {
            return NotFound();
        }

        Year = YearOf();
        View = await index.ReadAsync(Current, Year.Value, ct);
        return Page();
    }

    public sealed class ScoreInput
    {
        public string? Code { get; set; }

        public decimal? Self { get; set; }

        public decimal? Appraised { get; set; }

        public string? Evidence { get; set; }
    }
}
