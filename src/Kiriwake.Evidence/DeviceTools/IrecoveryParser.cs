using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Parses <c>irecovery -q</c> (libirecovery <c>tools/irecovery.c</c>): <c>KEY: value</c> lines — CPID, CPRV, BDID,
/// ECID, CPFM, SCEP, IBFL, SRTG, SRNM, IMEI, NONC, SNON, optional PWND, then MODE, PRODUCT, MODEL, NAME.
/// MODE is matched as a whole key, never as a prefix (a plain "MODE" match also hits MODEL).
/// </summary>
public static partial class IrecoveryParser
{
    public static ParseOutcome<RecoveryInfo> Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<ParseWarning>();
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var match = FieldLine().Match(line);
            if (match.Success)
            {
                fields[match.Groups["key"].Value] = match.Groups["value"].Value.Trim();
            }
            else
            {
                warnings.Add(new ParseWarning("stray-line", i + 1, line));
            }
        }

        if (fields.Count == 0)
        {
            return new ParseOutcome<RecoveryInfo>(RecoveryInfo.None, warnings);
        }

        var modeText = fields.GetValueOrDefault("MODE");
        if (modeText is null)
        {
            // irecovery before 1.0.0 printed no MODE line; the device is there but its mode is not named.
            warnings.Add(new ParseWarning("no-mode-line", 0, string.Empty));
        }

        var info = new RecoveryInfo(
            true,
            ModeFrom(modeText),
            modeText,
            fields.GetValueOrDefault("PRODUCT"),
            fields.GetValueOrDefault("MODEL"),
            fields.GetValueOrDefault("NAME"),
            Hex(fields.GetValueOrDefault("CPID")),
            fields.GetValueOrDefault("ECID"));
        return new ParseOutcome<RecoveryInfo>(info, warnings);
    }

    private static RecoveryMode ModeFrom(string? text) => text switch
    {
        "Recovery" => RecoveryMode.Recovery,
        "DFU" => RecoveryMode.Dfu,
        "Port DFU" => RecoveryMode.PortDfu,
        "WTF" => RecoveryMode.Wtf,
        not null when text.StartsWith("DFU", StringComparison.Ordinal) => RecoveryMode.Dfu,
        _ => RecoveryMode.Unknown,
    };

    private static int? Hex(string? text) =>
        text is not null && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    [GeneratedRegex(@"^(?<key>[A-Z]{2,8}):(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldLine();
}

/// <summary>A device seen by irecovery (recovery or DFU mode); <see cref="Found"/> false when none was.</summary>
/// <param name="ModeText">The MODE line as printed, e.g. "DFU via Debug USB (KIS)".</param>
public sealed record RecoveryInfo(
    bool Found,
    RecoveryMode Mode,
    string? ModeText,
    string? ProductType,
    string? HardwareModel,
    string? Name,
    int? ChipId,
    string? Ecid)
{
    public static RecoveryInfo None { get; } = new(false, RecoveryMode.Unknown, null, null, null, null, null, null);
}

/// <summary>The low-level modes irecovery reports.</summary>
public enum RecoveryMode
{
    Unknown,
    Recovery,
    Dfu,
    PortDfu,
    Wtf,
}
