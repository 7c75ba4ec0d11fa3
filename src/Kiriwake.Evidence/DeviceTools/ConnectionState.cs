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
    /// The <c>device.connected</c> value a state implies: true for a trusted, answering device, false when no
    /// device is seen at all. Every other state says nothing either way, so no fact: an untrusted or locked
    /// device does show up on the computer (the knowledge base asks "does it show up in Finder?" with this
    /// key) while not being a working connection, and <c>device.connection</c> already tells those apart.
    /// </summary>
    public static bool? ImpliesConnected(this ConnectionState state) => state switch
    {
        ConnectionState.Connected => true,
        ConnectionState.NoDevice => false,
        _ => null,
    };
}
