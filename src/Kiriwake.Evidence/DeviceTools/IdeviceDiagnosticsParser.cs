namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Parses <c>idevicediagnostics ioregentry AppleSmartBattery</c> (iPhone 8 and later; AppleARMPMUCharger on
/// older models): an XML plist whose IORegistry entry carries CycleCount, DesignCapacity and
/// NominalChargeCapacity or AppleRawMaxCapacity. The tool's error lines ("No device found.",
/// "ERROR: Unable to retrieve IORegistry from device.") are left to <see cref="ConnectionStateClassifier"/>.
/// </summary>
public static class IdeviceDiagnosticsParser
{
    public static ParseOutcome<BatteryHealth> Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (!XmlPlistText.LooksLikePlist(stdout))
        {
            var warnings = stdout.Trim().Length == 0
                ? Array.Empty<ParseWarning>()
                : [new ParseWarning("not-a-plist", 1, stdout.Trim())];
            return new ParseOutcome<BatteryHealth>(BatteryHealth.None, warnings);
        }

        var parsed = XmlPlistText.Parse(stdout);
        var values = parsed.Value;
        var design = values.FindInt64("DesignCapacity");
        var max = values.FindInt64("NominalChargeCapacity") ?? values.FindInt64("AppleRawMaxCapacity");
        int? healthPercent = design is > 0 && max is > 0
            ? (int)Math.Clamp(Math.Round(100.0 * max.Value / design.Value), 0, 150)
            : null;
        var health = new BatteryHealth(!values.IsEmpty, values.FindInt64("CycleCount") is { } cycles ? (int)cycles : null, design, max, healthPercent);
        return new ParseOutcome<BatteryHealth>(health, parsed.Warnings);
    }
}

/// <summary>Battery wear from the IORegistry; <see cref="HealthPercent"/> is full-charge over design capacity.</summary>
public sealed record BatteryHealth(bool Available, int? CycleCount, long? DesignCapacity, long? FullChargeCapacity, int? HealthPercent)
{
    public static BatteryHealth None { get; } = new(false, null, null, null, null);
}
