using Kiriwake.Core.Facts;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// What one look at the device established: the connection state with its evidence, and — as far as the state
/// allowed reading them — model, iOS version, storage, battery, backup encryption and supervision. Absent
/// values are null, never zero. <see cref="Facts"/> holds the same as <see cref="Fact"/> values for the engine.
/// <see cref="RecoveryToolMissing"/>: irecovery was needed (no device listed) but is not installed, so a device
/// in recovery or DFU mode would have gone unseen.
/// </summary>
public sealed record DeviceFacts(
    ConnectionState State,
    ConnectionFinding? Evidence,
    int DevicesListed,
    string? Udid,
    DeviceIdentity Identity,
    DeviceModelResolution? Model,
    DiskUsage Disk,
    BatteryStatus Battery,
    BackupSettings Backup,
    SupervisionStatus Supervision,
    BatteryHealth BatteryHealth,
    RecoveryInfo Recovery,
    bool RecoveryToolMissing,
    bool? StorageLow,
    long StorageLowThresholdBytes,
    IReadOnlyList<ToolWarning> Warnings,
    IReadOnlyList<Fact> Facts)
{
    /// <summary>Managed by an organisation as far as the device shows: supervised, or backup encryption required by device management.</summary>
    public bool? Managed => Supervision.Supervised == true || Backup.RequiresEncryption == true ? true : null;
}

/// <summary>A parse warning and the command whose output it came from.</summary>
public sealed record ToolWarning(string CommandLine, ParseWarning Warning);

/// <summary>Limits the facts are judged against.</summary>
/// <param name="StorageLowThresholdBytes">
/// Below this much conservative free space, storage counts as low for an update. Apple names no figure; an
/// over-the-air update downloads and unpacks several GB, so 6 GB (decimal, as the device reports) is the
/// assumption, shown to the person with the figure.
/// </param>
public sealed record DeviceFactsOptions(long StorageLowThresholdBytes = DeviceFactsOptions.DefaultStorageLowThresholdBytes)
{
    public const long DefaultStorageLowThresholdBytes = 6_000_000_000;
}
