using System.Text.Json;
using MotCua.Features.Catalog.Contracts;
using MotCua.Infrastructure;

namespace MotCua.Features.Workflow.Contracts;

/// <summary>
/// Which roles may take which action in which step (Data/process-rules.json). A step names a profile in the
/// catalog, or gets one by position: the first step is intake ("receive"), a last step held by the one-stop officer
/// is the return of the result ("return"), any other step goes by its role.
/// </summary>
public sealed record ProcessRules(string Source, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> Profiles) : IStepProfiles
{
    public IReadOnlySet<string> Names => field ??= Profiles.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The profile of a consultation task (who answers one asked of their agency).</summary>
    public const string Consultation = "consultation";

    public static ProcessRules Current { get; } = Load();

    public static bool IsReturnStep(IReadOnlyList<ProcessStep> steps, int index)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return index == steps.Count - 1 && index > 0 && steps[index].Role == "OneStopOfficer";
    }

    public string ProfileOf(IReadOnlyList<ProcessStep> steps, int index)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var step = steps[index];
        return step.Profile is { Length: > 0 } named ? named : index == 0 ? "receive" : IsReturnStep(steps, index) ? "return" : step.Role;
    }

    /// <summary>The roles that may take the action in the profile; null when the profile does not have the action at all.</summary>
    public string[]? RolesFor(string profile, DossierAction action) =>
        Profiles.TryGetValue(profile, out var actions) && actions.TryGetValue(EnumNames.Of(action), out var roles) ? roles : null;

    private static ProcessRules Load()
    {
        using var stream = typeof(ProcessRules).Assembly.GetManifestResourceStream("MotCua.Features.Workflow.Data.process-rules.json")
            ?? throw new InvalidOperationException("process-rules.json is not embedded.");
        var file = JsonSerializer.Deserialize<RulesFile>(stream, JsonDefaults.Web)!;
        var unknown = file.Profiles.SelectMany(p => p.Value.Keys).Where(a => !EnumNames.TryParse<DossierAction>(a, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException("process-rules.json names unknown actions: " + string.Join(", ", unknown));
        }

        return new ProcessRules(file.Source, file.Profiles.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string[]>)p.Value));
    }

    private sealed record RulesFile(string Source, Dictionary<string, Dictionary<string, string[]>> Profiles);
}
