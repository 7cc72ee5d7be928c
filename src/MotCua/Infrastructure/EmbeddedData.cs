using System.Text.Json;

namespace MotCua.Infrastructure;

/// <summary>Something the law fixes for a span of days: a form set, a regulation's rules.</summary>
public interface IInForce
{
    /// <summary>The first day in force.</summary>
    DateOnly FirstDay { get; }

    /// <summary>The last day in force; null while it still is.</summary>
    DateOnly? LastDay { get; }
}

/// <summary>The data files built into the app (<c>Features/*/Data/*.json</c>), and the version of dated data in force on a day.</summary>
public static class EmbeddedData
{
    /// <summary>Reads <c>Features/{capability}/Data/{file}</c>.</summary>
    public static T Read<T>(string capability, string file)
    {
        var name = $"MotCua.Features.{capability}.Data.{file}";
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, JsonDefaults.Web) ?? throw new InvalidOperationException($"{name} is empty.");
    }

    /// <summary>The last of <paramref name="all"/> in force on <paramref name="date"/>; the first one before any is.</summary>
    public static T InForce<T>(IReadOnlyList<T> all, DateOnly date)
        where T : IInForce
    {
        ArgumentNullException.ThrowIfNull(all);
        return all.LastOrDefault(x => x.FirstDay <= date && (x.LastDay is null || date <= x.LastDay)) ?? all[0];
    }
}
