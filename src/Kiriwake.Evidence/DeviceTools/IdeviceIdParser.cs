using System.Text.RegularExpressions;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Parses <c>idevice_id -l</c>: one UDID per line, optionally followed by <c>(USB)</c> or <c>(Network)</c>.
/// UDIDs are 40 hex digits (up to iPhone X) or <c>XXXXXXXX-XXXXXXXXXXXXXXXX</c> (A12 and later).
/// Empty output with exit code 0 means usbmuxd answered and no device is attached.
/// </summary>
public static partial class IdeviceIdParser
{
    public static ParseOutcome<IReadOnlyList<ListedDevice>> Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var devices = new List<ListedDevice>();
        var warnings = new List<ParseWarning>();
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var match = UdidLine().Match(line);
            if (!match.Success)
            {
                warnings.Add(new ParseWarning("not-a-udid", i + 1, line));
                continue;
            }

            var link = match.Groups["link"].Value switch
            {
                "USB" => DeviceLink.Usb,
                "Network" => DeviceLink.Network,
                _ => DeviceLink.Unspecified,
            };
            devices.Add(new ListedDevice(match.Groups["udid"].Value, link));
        }

        return new ParseOutcome<IReadOnlyList<ListedDevice>>(devices, warnings);
    }

    [GeneratedRegex(@"^(?<udid>[0-9A-Fa-f]{40}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16})(?:\s+\((?<link>USB|Network)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UdidLine();
}

/// <summary>A device usbmuxd lists.</summary>
public sealed record ListedDevice(string Udid, DeviceLink Link);

public enum DeviceLink
{
    Unspecified,
    Usb,
    Network,
}
