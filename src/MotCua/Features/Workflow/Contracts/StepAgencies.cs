using MotCua.Features.Catalog.Contracts;
using MotCua.Features.Units.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Workflow.Contracts;

/// <summary>
/// Finds the agency that performs a step for a dossier received at an office. <c>own</c> is the office for the
/// one-stop officer and the unit the office belongs to (the ward, or the city) for specialists and leaders;
/// <c>police</c>, <c>social-insurance</c> and <c>department:&lt;function&gt;</c> are the nearest such agency
/// open today, looking under the responsible unit first and then up the tree. A closed office acts through the
/// unit that succeeded it.
/// </summary>
public sealed class StepAgencies(UnitTree tree)
{
    private List<UnitInfo>? units;

    public async Task<UnitInfo?> ResolveAsync(Guid officeId, ProcessStep step, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        units ??= await tree.AllAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        if (!byId.TryGetValue(officeId, out var office))
        {
            return null;
        }

        office = UnitTree.Latest(byId, office);
        var responsible = office.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? p : office;
        var agency = step.Agency.Trim();
        if (agency is "" or "own")
        {
            return step.Role == "OneStopOfficer" ? office : responsible;
        }

        Func<UnitInfo, bool> matches = agency switch
        {
            "police" => u => u.Kind == "Police",
            "social-insurance" => u => u.Kind == "SocialInsurance",
            _ when agency.StartsWith("department:", StringComparison.Ordinal) => u => string.Equals(u.Function, agency["department:".Length..], StringComparison.OrdinalIgnoreCase),
            _ => _ => false,
        };
        for (UnitInfo? level = responsible; level is not null; level = level.ParentId is { } up ? byId.GetValueOrDefault(up) : null)
        {
            var found = units.Where(u => u.ParentId == level.Id && matches(u) && u.IsValidOn(today))
                .OrderBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The unit that answers for the dossier as a whole (whose leader apologises): the unit the office belongs to.</summary>
    public Task<UnitInfo?> ResponsibleAsync(Guid officeId, DateOnly today, CancellationToken ct = default) =>
        ResolveAsync(officeId, new ProcessStep("", "Leader", "own", 0, null), today, ct);
}
