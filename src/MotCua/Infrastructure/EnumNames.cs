using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MotCua.Infrastructure;

/// <summary>An enum's names as the API and the database write them (camelCase, as <see cref="JsonDefaults"/>): <c>onTime</c>, <c>sendBack</c>.</summary>
public static class EnumNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.ByValue[value];

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Names<T>.InOrder;

    /// <summary>Only the exact name: no number, no other case.</summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum => Names<T>.ByName.TryGetValue(name ?? "", out value);

    public static T Parse<T>(string name)
        where T : struct, Enum => TryParse(name, out T value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name}.");

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));
        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        public static readonly IReadOnlyList<string> InOrder = [.. Enum.GetValues<T>().Select(v => ByValue[v])];
    }
}

/// <summary>Stores an enum by its camelCase name, as the columns held before the enum existed.</summary>
public sealed class CamelCaseEnumConverter<T>() : ValueConverter<T, string>(v => EnumNames.Of(v), s => EnumNames.Parse<T>(s))
    where T : struct, Enum;
