using MotCua.Infrastructure.Text;

namespace MotCua.Features.Units.Contracts;

/// <summary>
/// The functions a specialised agency may have, as the catalog's process steps address them
/// (<c>department:justice</c>), and how people read a step's agency.
/// </summary>
public static class UnitFunctions
{
    private const string Department = "department:";

    /// <summary>The functions a unit may be given: the specialised departments of a provincial or commune government.</summary>
    public static readonly IReadOnlyList<string> Known = ["justice", "construction", "environment", "economy", "finance", "interior", "culture", "health", "education"];

    /// <summary>A function as people read it ("Tư pháp"); an unknown one as stored.</summary>
    public static string Text(string function) => Known.Contains(function) ? Texts.Get("Function." + function) : function;

    /// <summary>A process step's agency as people read it: the receiving unit, the police, social insurance, or the agency of a function.</summary>
    public static string AgencyText(string agency) => agency switch
    {
        "own" or "police" or "social-insurance" => Texts.Get("Agency." + agency),
        _ when agency.StartsWith(Department, StringComparison.Ordinal) => Texts.Get("Agency.department", Text(agency[Department.Length..])),
        _ => agency,
    };
}
