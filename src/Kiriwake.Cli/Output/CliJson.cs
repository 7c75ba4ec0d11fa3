using System.Text.Json;
using Kiriwake.Core.Conversation;

namespace Kiriwake.Cli;

/// <summary>--format json: the serializer options every front end shares (<see cref="ConversationJson.Options"/>):
/// camelCase keys, Japanese written as itself, enums as kebab-case strings.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options => ConversationJson.Options;

    public static void Write<T>(CliContext context, T value)
    {
        context.OutWriter.WriteLine(JsonSerializer.Serialize(value, Options));
        context.OutWriter.Flush();
    }
}
