using System.Text.Json;
using Kiriwake.Core.Learning;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>The overlay as stored in <see cref="LearnedOverlayRow.Overlay"/>.</summary>
public static class OverlayJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(LearnedOverlay overlay) => JsonSerializer.Serialize(overlay, Options);

    /// <exception cref="JsonException">Not an overlay.</exception>
    public static LearnedOverlay Read(string json) =>
        JsonSerializer.Deserialize<LearnedOverlay>(json, Options) ?? throw new JsonException("empty overlay");
}
