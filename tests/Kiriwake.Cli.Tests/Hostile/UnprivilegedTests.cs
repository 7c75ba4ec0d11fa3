using System.Diagnostics;
using System.Text.Json;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Cli.Tests.Hostile;

/// <summary>
/// A test that runs the built command as the unprivileged user "nobody" (uid 65534) through setpriv: permissions
/// mean nothing to root, who runs the tests here. Skipped, with the reason, where that cannot be done.
/// </summary>
internal sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        Skip = OperatingSystem.IsLinux() ? UnprivilegedRun.WhyNot() : "Runs the command as the user nobody through setpriv, which needs Linux.";
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class UnprivilegedRun
{
    private static readonly Lazy<string?> s_whyNot = new(Probe);

    public static string? WhyNot() => s_whyNot.Value;

    /// <summary>The command (the same build the tests use) run as nobody; stdout, stderr and the exit code.</summary>
    public static (int Exit, string Out, string Err) Kiriwake(params string[] args) => Kiriwake(null, null, args);

    /// <summary>The same, with standard input and extra environment variables for the child only.</summary>
    public static (int Exit, string Out, string Err) Kiriwake(string? input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = Info(args);
        info.RedirectStandardInput = true;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Write(input ?? string.Empty);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout.GetAwaiter().GetResult(), "timed out");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Makes a folder made by the test reachable by nobody (test folders are owner-only).</summary>
    public static void OpenToOthers(string folder) =>
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    private static ProcessStartInfo Info(string[] args)
    {
        var info = new ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", Dotnet(), typeof(KiriwakeCli).Assembly.Location })
        {
            info.ArgumentList.Add(a);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // nobody's home does not exist: give the runtime a writable place, and no colour.
        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        info.Environment["NO_COLOR"] = "1";
        info.Environment["KIRIWAKE_LANG"] = "en";
        return info;
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
        : "dotnet";

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Runs the command as the user nobody through setpriv, which needs Linux.";
        }

        try
        {
            var (exit, output, error) = Kiriwake("--help");
            return exit == 0 && output.Contains("backups", StringComparison.Ordinal)
                ? null
                : $"The command cannot run as nobody here (exit {exit}): {error.Split('\n')[0]}";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "setpriv is not installed: " + ex.Message;
        }
    }
}

/// <summary>Issue 14, item 1: unreadable folders inside a backup, and unreadable backups, as a non-root user.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnprivilegedTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public UnprivilegedTests()
    {
        if (OperatingSystem.IsLinux())
        {
            UnprivilegedRun.OpenToOthers(_temp.Path);
        }
    }

    public void Dispose()
    {
        // Put the permissions back so the folder can be deleted.
        foreach (var dir in Directory.EnumerateDirectories(_temp.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _temp.Dispose();
    }

    private static void Lock(string folder) => File.SetUnixFileMode(folder, UnixFileMode.None);

    [UnprivilegedFact]
    public void BackupsVerifyDeep_OneBlobFolderUnreadable_IsPermissionDeniedNotACrash()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 30));
        Lock(Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).First(d => Path.GetFileName(d).Length == 2));

        var (exit, output, error) = UnprivilegedRun.Kiriwake("backups", "verify", folder, "--deep", "--format", "json");

        Assert.True(exit == ExitCodes.PermissionDenied, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "permission-denied");
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [UnprivilegedFact]
    public void BackupsVerifyDeep_SnapshotFolderUnreadable_IsPermissionDenied()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 10));
        var snapshot = Directory.CreateDirectory(Path.Combine(folder, "Snapshot")).FullName;
        File.WriteAllText(Path.Combine(snapshot, "x"), "x");
        Lock(snapshot);

        var (exit, _, error) = UnprivilegedRun.Kiriwake("backups", "verify", folder, "--deep");

        Assert.True(exit == ExitCodes.PermissionDenied, $"exit {exit}: {error}");
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [UnprivilegedFact]
    public void BackupsVerify_WholeBackupUnreadable_IsPermissionDeniedNotNotABackup()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 3));
        Lock(folder);

        var (exit, output, error) = UnprivilegedRun.Kiriwake("backups", "verify", folder, "--format", "json");

        Assert.True(exit == ExitCodes.PermissionDenied, $"exit {exit}: {error}");
        Assert.DoesNotContain("not-a-backup", output, StringComparison.Ordinal);
    }

    [UnprivilegedFact]
    public void Diagnose_StateFolderReadOnly_SaysItCannotSaveAndStillAsks()
    {
        // The sessions folder exists but this user may not write in it (as a full or read-only disk refuses writes).
        string sessions = Directory.CreateDirectory(Path.Combine(_temp.Path, "sessions")).FullName;
        File.SetUnixFileMode(sessions, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var (exit, _, error) = UnprivilegedRun.Kiriwake("quit\n", new Dictionary<string, string> { ["KIRIWAKE_SESSIONS"] = sessions }, "diagnose", "--symptom", "restore-error-4013", "--lang", "en");

        Assert.True(exit == ExitCodes.Success, $"exit {exit}: {error}");
        Assert.Contains("The session cannot be saved", error, StringComparison.Ordinal);
        Assert.Contains("Step 1", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(sessions));
    }

    [UnprivilegedFact]
    public void BackupsList_OneBackupUnreadable_ListsTheOthers()
    {
        string good = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 3, DeviceName: "good"));
        string bad = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 30, DeviceName: "bad", Seed: 2));
        Lock(Directory.EnumerateDirectories(bad).First(d => Path.GetFileName(d).Length == 2));

        var (exit, output, error) = UnprivilegedRun.Kiriwake("backups", "list", "--root", _temp.Path, "--format", "json");

        Assert.True(exit == ExitCodes.Success, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        var names = json.RootElement.GetProperty("backups").EnumerateArray().Select(b => b.GetProperty("deviceName").GetString()).ToList();
        Assert.Contains("good", names);
        Assert.Contains("bad", names);
        Assert.True(Directory.Exists(good));
    }
}
