using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Infrastructure;

/// <summary>The JSON settings of MotCua's data files and API: camelCase, enums as camelCase strings.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
