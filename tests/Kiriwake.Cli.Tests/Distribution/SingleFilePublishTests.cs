using System.Diagnostics;
using System.Text;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Distribution;

/// <summary>
/// The README's way to give kiriwake to someone without the .NET SDK: a self-contained single-file build with
/// the knowledge folder beside it. Published into a temporary folder and run with no dotnet on PATH.
/// </summary>
public sealed class SingleFilePublishTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kiriwake-publish-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [PublishFact]
    public async Task Publish_LinuxX64SingleFile_RunsWithoutDotnetOnPath()
    {
        var output = Path.Combine(_root, "out");

        // Its own artifacts folder: the publish shares no build output with the tests running beside it.
        var publish = await RunAsync("dotnet", Environment.GetEnvironmentVariable("PATH")!,
            "publish", Path.Combine(RepoPaths.Root, "src", "Kiriwake.Cli"), "-c", "Release", "-r", "linux-x64", "--self-contained",
            "-p:PublishSingleFile=true", "--artifacts-path", Path.Combine(_root, "artifacts"), "-o", output, "-nologo");
        Assert.True(publish.ExitCode == 0, publish.Output);

        var program = Path.Combine(output, "kiriwake");
        Assert.True(File.Exists(program));
        Assert.False(File.Exists(Path.Combine(output, "kiriwake.dll")), "single file: no separate assembly beside the program");
        Assert.True(File.Exists(Path.Combine(output, "knowledge", "symptoms", "restore.yaml")), "the knowledge folder ships beside the program");
        // One program: no assembly or native library beside it (symbol files of the libraries may be).
        Assert.Equal(["kiriwake"], Directory.GetFiles(output).Select(Path.GetFileName).Where(f => !f!.EndsWith(".pdb", StringComparison.Ordinal)));

        // PATH is an empty folder: no dotnet (and nothing else) can be found, and no hint where one is.
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty-path")).FullName;
        var explain = await RunAsync(program, empty, "explain", "4013", "--lang", "en");
        Assert.True(explain.ExitCode == 0, explain.Output);
        Assert.Contains("Error 4013", explain.Output, StringComparison.Ordinal);

        var faq = await RunAsync(program, empty, "faq", "forgot", "password", "--lang", "ja");
        Assert.True(faq.ExitCode == 0, faq.Output);
        Assert.Contains("パスワード", faq.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string path, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = path;
        start.Environment.Remove("DOTNET_ROOT");
        start.Environment.Remove("DOTNET_HOST_PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
