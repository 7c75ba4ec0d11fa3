namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// How the computer and the device stand, as the value of the <c>device.connection</c> fact
/// (<see cref="ConnectionStates.FactValue"/> gives the kebab-case names).
/// </summary>
public enum ConnectionState
{
    /// <summary>Trusted and answering: facts were read.</summary>
    Connected,

    /// <summary>The libimobiledevice tools are not installed.</summary>
    ToolMissing,

    /// <summary>No device attached, or usbmuxd / Apple Mobile Device Service is not running.</summary>
    NoDevice,

    /// <summary>"Trust This Computer?" is on the device's screen (lockdownd -19).</summary>
    TrustPending,

    /// <summary>The device is locked with its passcode and not yet paired (lockdownd -17).</summary>
    Locked,

    /// <summary>Someone tapped "Don't Trust" (lockdownd -18).</summary>
    Denied,

    /// <summary>The computer's pairing record no longer matches the device (lockdownd -21).</summary>
    StalePairing,

    /// <summary>The device is in recovery mode (seen by irecovery).</summary>
    Recovery,

    /// <summary>The device is in DFU mode (seen by irecovery).</summary>
    Dfu,

    /// <summary>A transport error (mux, SSL, timeout inside the tool) or an error line not recognised.</summary>
    ConnectionError,

    /// <summary>The tool did not finish within the timeout.</summary>
    TimedOut,
}

public static class ConnectionStates
{
    /// <summary>The fact value: connected, tool-missing, no-device, trust-pending, locked, denied, stale-pairing, recovery, dfu, connection-error, timed-out.</summary>
    public static string FactValue(this ConnectionState state) => state switch
    {
        ConnectionState.Connected => "connected",
        ConnectionState.ToolMissing => "tool-missing",
        ConnectionState.NoDevice => "no-device",
        ConnectionState.TrustPending => "trust-pending",
        ConnectionState.Locked => "locked",
        ConnectionState.Denied => "denied",
        ConnectionState.StalePairing => "stale-pairing",
        ConnectionState.Recovery => "recovery",
        ConnectionState.Dfu => "dfu",
        ConnectionState.ConnectionError => "connection-error",
        ConnectionState.TimedOut => "timed-out",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>
    /// The <c>device.connected</c> value a state implies: true only for a trusted connection, false where the
    /// computer cannot talk to the system, null where the state says nothing either way (tool missing,
    /// timeout, recovery/DFU — the computer does see a device there, but not a trusted one).
    /// </summary>
    public static bool? ImpliesConnected(this ConnectionState state) => state switch
    {
        ConnectionState.Connected => true,
        ConnectionState.NoDevice or ConnectionState.TrustPending or ConnectionState.Locked
            or ConnectionState.Denied or ConnectionState.StalePairing => false,
        _ => null,
    };
}
