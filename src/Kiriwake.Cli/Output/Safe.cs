using Kiriwake.Core.Text;

namespace Kiriwake.Cli;

/// <summary>
/// Spectre markup for text that came from outside (a backup, a log, a device, an answer): control characters and
/// bidirectional overrides shown as visible escapes (<see cref="UntrustedText"/>), then markup brackets escaped.
/// </summary>
internal static class Safe
{
    /// <summary>Keeps line breaks and tabs; escapes every other control character, then the markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(UntrustedText.Block(text));
}
