using System.Globalization;
using System.Text.Json;
using MotCua.Infrastructure;
using MotCua.Infrastructure.Text;

namespace MotCua.Features.Dossiers.Contracts;

/// <summary>
/// What MotCua writes beside an event of a dossier's history ("due 16:00 05/12/2026", "assigned to …"), stored as a
/// text key and its arguments so that each reader sees it in their own language, apart from the note a person typed.
/// An argument is shown as it is, or, with a prefix, as words: <c>#key</c> the resource's text, <c>@username</c> the
/// person's full name.
/// </summary>
public static class EventDetail
{
    public const string TextPrefix = "#";

    public const string PersonPrefix = "@";

    public const string BothPrefix = "^";

    /// <summary>The stored form: a JSON array of the key and its arguments.</summary>
    public static string Of(string key, params string[] args) => JsonSerializer.Serialize<string[]>([key, .. args]);

    /// <summary>An argument shown as the resource text of <paramref name="key"/>.</summary>
    public static string Text(string key) => TextPrefix + key;

    /// <summary>An argument shown as the person's full name.</summary>
    public static string Person(string username) => PersonPrefix + username;

    /// <summary>An argument written in both languages (a legal citation), shown in the reader's.</summary>
    public static string Both(string vi, string en) => BothPrefix + vi + "|" + en;

    /// <summary>An instant as every form shows it (Vietnam time, HH:mm dd/MM/yyyy).</summary>
    public static string Instant(DateTimeOffset at) => VietnamTime.ToVietnam(at).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The people a detail names (to look up their full names).</summary>
    public static IEnumerable<string> People(string? detail) =>
        detail is { Length: > 0 } && detail.Contains(PersonPrefix, StringComparison.Ordinal) && Parts(detail) is { } parts
            ? parts.Skip(1).Where(a => a.StartsWith(PersonPrefix, StringComparison.Ordinal)).Select(a => a[1..])
            : [];

    /// <summary>The detail in the current UI language; empty for none, or for a key this version does not know.</summary>
    public static string Render(string? detail, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        if (detail is not { Length: > 0 })
        {
            return "";
        }

        if (Parts(detail) is not { Length: > 0 } parts || Texts.Find(parts[0]) is not { } format)
        {
            return "";
        }

        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var args = parts[1..].Select(a => a.StartsWith(TextPrefix, StringComparison.Ordinal) ? Texts.Find(a[1..]) ?? ""
            : a.StartsWith(PersonPrefix, StringComparison.Ordinal) ? nameOf(a[1..])
            : a.StartsWith(BothPrefix, StringComparison.Ordinal) && a.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 ? (english ? a[(bar + 1)..] : a[1..bar])
            : a).ToArray<object?>();
        return string.Format(CultureInfo.CurrentCulture, format, args);
    }

    private static string[]? Parts(string detail)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(detail);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The note typed and the detail, as one line in the current UI language.</summary>
    public static string? Line(string? note, string? detail, Func<string, string> nameOf)
    {
        var text = string.Join(' ', new[] { note, Render(detail, nameOf) }.Where(s => s is { Length: > 0 }));
        return text.Length == 0 ? null : text;
    }
}
