using MotCua.Infrastructure;

namespace MotCua.Features.Forms.Contracts;

/// <summary>A set of official forms and the dates it is in force, with the titles that changed between sets (Data/form-sets.json).</summary>
public sealed record FormSet(string Code, string Basis, DateOnly From, DateOnly? To, IReadOnlyDictionary<string, string> Forms, IReadOnlyDictionary<string, string>? Titles = null) : IInForce
{
    DateOnly IInForce.FirstDay => From;

    DateOnly? IInForce.LastDay => To;

    /// <summary>The form's title in this set, or <paramref name="otherwise"/> where the sets agree.</summary>
    public string Title(string form, string otherwise) => Titles?.GetValueOrDefault(form) ?? otherwise;

    /// <summary>The form's number in this set ("Mẫu số 01"), or null when the set has no such form.</summary>
    public string? Number(string form) => Forms.GetValueOrDefault(form);
}

/// <summary>Picks the form set in force on a date: the 2018 set until the 2025 set applies.</summary>
public static class FormSets
{
    public static readonly IReadOnlyList<FormSet> All = EmbeddedData.Read<SetsFile>("Forms", "form-sets.json").Sets;

    public static FormSet On(DateOnly date) => EmbeddedData.InForce(All, date);

    private sealed record SetsFile(List<FormSet> Sets);
}
