using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiriwake.Cli;

/// <summary>--format json: camelCase keys, Japanese written as itself, enums as kebab-case strings.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Output for scripts and people, never embedded in HTML: write Japanese and apostrophes as themselves.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Write<T>(CliContext context, T value)
    {
        context.OutWriter.WriteLine(JsonSerializer.Serialize(value, Options));
        context.OutWriter.Flush();
    }
}
