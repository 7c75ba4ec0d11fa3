using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Starting a tool as the leader of its own process group (through util-linux's <c>setsid</c>, which execs in
/// place) so that everything it starts can be ended together: a child the tool leaves behind holding its output
/// open is in the same group and is killed with it. Where <c>setsid</c> is missing the tool starts directly and
/// only its process tree can be killed.
/// </summary>
internal static class ProcessGroup
{
    private const int SigKill = 9;

    private static readonly string? s_setsid = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        : null;

    /// <summary>True when tools start in a group of their own.</summary>
    public static bool Available => s_setsid is not null;

    /// <summary>A start description that runs <paramref name="path"/> in a new process group when possible.</summary>
    public static ProcessStartInfo StartInfo(string path, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(s_setsid ?? path);
        if (s_setsid is not null)
        {
            info.ArgumentList.Add(path);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Kills the tool's whole group (its leftover children too), and its process tree.</summary>
    public static void Kill(Process process)
    {
        int id;
        try
        {
            id = process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (s_setsid is not null && id > 1)
        {
            // The group outlives its leader: children left holding the pipes are still in it after the tool exited.
            _ = KillProcess(-id, SigKill);
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
    }

#pragma warning disable SYSLIB1054, CA5392 // A plain P/Invoke of kill(2); no unsafe code in this project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillProcess(int pid, int signal);
#pragma warning restore SYSLIB1054, CA5392
}
