using MotCua.Infrastructure;

namespace MotCua.Features.Workflow;

/// <summary>
/// What the one-stop regulation in force on a date fixes for late dossiers and supplements (Data/one-stop-rules.json):
/// the apology and new appointment are due at the latest <see cref="ApologyWorkingDaysBefore"/> working days before
/// the deadline, a dossier is re-appointed at most <see cref="MaxReappointments"/> times, and the article each rests on.
/// </summary>
public sealed record OneStopRule(
    string Basis, DateOnly From, DateOnly? To, Citation LateDossierArticle, int ApologyWorkingDaysBefore, int MaxReappointments, Citation SupplementArticle) : IInForce
{
    DateOnly IInForce.FirstDay => From;

    DateOnly? IInForce.LastDay => To;
}

/// <summary>An article of law as Vietnamese readers cite it and as the English interface names it; stored records keep <see cref="Vi"/>.</summary>
public sealed record Citation(string Vi, string En)
{
    public override string ToString() => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Vi;
}

public static class OneStopRules
{
    public static readonly IReadOnlyList<OneStopRule> All = EmbeddedData.Read<RulesFile>("Workflow", "one-stop-rules.json").Rules;

    public static OneStopRule On(DateOnly date) => EmbeddedData.InForce(All, date);

    private sealed record RulesFile(List<OneStopRule> Rules);
}
