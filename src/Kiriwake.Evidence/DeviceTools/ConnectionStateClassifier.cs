using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Classifies a tool run into a <see cref="ConnectionState"/> from its error lines and exit code
/// (ios-errors-and-device.md §4.1–4.4). Matches the lockdownd error number, which every version prints —
/// "Could not connect to lockdownd: Pairing dialog response pending (-19)" (1.3.0 and later) as well as
/// "Could not connect to lockdownd, error code -19" (1.2.0, idevicediagnostics) — rather than the wording.
/// </summary>
public static partial class ConnectionStateClassifier
{
    private const int LockdownPasswordProtected = -17;
    private const int LockdownUserDeniedPairing = -18;
    private const int LockdownPairingDialogPending = -19;
    private const int LockdownInvalidHostId = -21;

    /// <summary>The connection problem this run shows, or null when it shows none (exit code 0, nothing recognised).</summary>
    public static ConnectionFinding? Classify(ToolOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (output.Status)
        {
            case ToolRunStatus.NotInstalled:
                return new ConnectionFinding(ConnectionState.ToolMissing, null, null, output.CommandLine);
            case ToolRunStatus.TimedOut:
                return new ConnectionFinding(ConnectionState.TimedOut, null, null, output.CommandLine);
        }

        foreach (var rawLine in output.AllText.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var lockdown = LockdownError().Match(line);
            if (lockdown.Success)
            {
                var code = int.Parse(lockdown.Groups["code"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return new ConnectionFinding(FromLockdownCode(code), code, line, output.CommandLine);
            }

            if (TrustDialogLine().IsMatch(line))
            {
                return new ConnectionFinding(ConnectionState.TrustPending, null, line, output.CommandLine);
            }

            if (PasscodeLine().IsMatch(line))
            {
                return new ConnectionFinding(ConnectionState.Locked, null, line, output.CommandLine);
            }

            if (NoDeviceLine().IsMatch(line))
            {
                return new ConnectionFinding(ConnectionState.NoDevice, null, line, output.CommandLine);
            }
        }

        if (output.ExitCode == 0)
        {
            return null;
        }

        var firstLine = output.AllText.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return new ConnectionFinding(ConnectionState.ConnectionError, null, firstLine, output.CommandLine);
    }

    private static ConnectionState FromLockdownCode(int code) => code switch
    {
        LockdownPairingDialogPending => ConnectionState.TrustPending,
        LockdownPasswordProtected => ConnectionState.Locked,
        LockdownUserDeniedPairing => ConnectionState.Denied,
        LockdownInvalidHostId => ConnectionState.StalePairing,
        _ => ConnectionState.ConnectionError,
    };

    [GeneratedRegex(@"Could not connect to lockdownd(?::[^(]*\((?<code>-?\d+)\)|,\s*error code\s*(?<code>-?\d+))", RegexOptions.CultureInvariant)]
    private static partial Regex LockdownError();

    // idevicepair's wording for the same two states.
    [GeneratedRegex(@"Please accept the trust dialog", RegexOptions.CultureInvariant)]
    private static partial Regex TrustDialogLine();

    [GeneratedRegex(@"because a passcode is set", RegexOptions.CultureInvariant)]
    private static partial Regex PasscodeLine();

    // 1.3.0+: "ERROR: No device found!", with -u "ERROR: Device <UDID> not found!"; 1.2.0: "No device found, is it
    // plugged in?"; idevicediagnostics/idevicepair: "No device found."; idevice_id without usbmuxd: "ERROR: Unable to
    // retrieve device list!"; irecovery: "ERROR: Unable to connect to device" (1.0.0), "ERROR: Unable to find device"
    // (later); idevicerestore: "Unable to discover device mode".
    [GeneratedRegex(@"No device found|Device \S+ not found|Unable to retrieve device list|Unable to find device|Unable to connect to device|Unable to discover device mode", RegexOptions.CultureInvariant)]
    private static partial Regex NoDeviceLine();
}

/// <summary>A connection state with the evidence for it: the lockdownd error number and the line, and the command that printed it.</summary>
public sealed record ConnectionFinding(ConnectionState State, int? LockdownError, string? Line, string CommandLine);
