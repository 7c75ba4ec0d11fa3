using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Sends SIGINT to a child, the signal Ctrl+C sends in a terminal: libimobiledevice's tools catch it and close
/// their session with the device cleanly, which a kill does not. .NET can only kill a process, so this calls
/// libc's kill(2). On Windows there is no such signal for a process without its own console: the caller kills.
/// </summary>
internal static partial class Signals
{
    private const int Sigint = 2;

    /// <summary>True when the signal was delivered.</summary>
    public static bool Interrupt(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return !process.HasExited && NativeMethods.Kill(process.Id, Sigint) == 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Kill(int pid, int signal);
    }
}
