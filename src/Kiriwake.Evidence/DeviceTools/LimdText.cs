using System.Text.RegularExpressions;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Reads the default "Key: value" output of ideviceinfo into flat <see cref="DeviceValues"/>
/// (ios-errors-and-device.md §4.1): one <c>Key: value</c> per line, a nested dictionary's entries on the
/// following lines indented one space per level, arrays as <c>Key[N]:</c> (libplist 2.3+ out-limd) or a bare
/// <c>Key:</c> (libimobiledevice 1.3.0) followed by <c>0: …</c> items. Escaped control characters are kept
/// as printed: the form does not say whether a backslash itself is escaped.
/// </summary>
internal static partial class LimdText
{
    public static ParseOutcome<DeviceValues> Parse(string text)
    {
        var warnings = new List<ParseWarning>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var containers = new Stack<(int Indent, string Path)>();

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            while (containers.Count > 0 && containers.Peek().Indent >= indent)
            {
                containers.Pop();
            }

            var match = EntryPattern().Match(line, indent);
            if (!match.Success)
            {
                warnings.Add(new ParseWarning("stray-line", i + 1, line.Trim()));
                continue;
            }

            var parent = containers.Count > 0 ? containers.Peek().Path : string.Empty;
            var path = parent.Length == 0 ? match.Groups["key"].Value : parent + "/" + match.Groups["key"].Value;
            var value = match.Groups["value"].Value;
            var opensContainer = match.Groups["count"].Success || (value.Length == 0 && NextIndent(lines, i) > indent);
            if (opensContainer)
            {
                containers.Push((indent, path));
            }
            else
            {
                values[path] = value;
            }
        }

        return new ParseOutcome<DeviceValues>(new DeviceValues(values), warnings);
    }

    private static int NextIndent(string[] lines, int index)
    {
        for (var j = index + 1; j < lines.Length; j++)
        {
            if (lines[j].Trim().Length > 0)
            {
                return lines[j].Length - lines[j].TrimStart(' ').Length;
            }
        }

        return -1;
    }

    // The key runs to the first colon; a value may contain colons itself (WiFiAddress: aa:bb:cc:…).
    [GeneratedRegex(@"\G(?<key>[^:\[\]]+?)(?:\[(?<count>\d+)\])?:(?: (?<value>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryPattern();
}
