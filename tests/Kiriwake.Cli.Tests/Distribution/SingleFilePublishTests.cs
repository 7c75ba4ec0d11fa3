using System.Diagnostics;
using System.Globalization;
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

        await ServesPagesAndTheirFilesAsync(program, empty);
    }

    /// <summary>`kiriwake serve` from the published program: a page, its style sheet, its script and the vendored Mermaid.</summary>
    private async Task ServesPagesAndTheirFilesAsync(string program, string path)
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--no-browser", "--store", Path.Combine(data, "sessions.db") })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = path;
        start.Environment["XDG_DATA_HOME"] = data;
        start.Environment.Remove("DOTNET_ROOT");
        using var server = Process.Start(start)!;
        var log = new StringBuilder();
        server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var page = await FirstPageAsync(http, server, log);
            Assert.Contains("/css/site.css", page, StringComparison.Ordinal);

            var flow = await http.GetStringAsync("/kb/flow");
            Assert.Contains("/vendor/mermaid.min.js", flow, StringComparison.Ordinal);

            foreach (var (file, type, expected) in new[]
            {
                ("/css/site.css", "text/css", "{"),
                ("/js/flow.js", "text/javascript", "mermaid"),
                ("/vendor/mermaid.min.js", "text/javascript", "mermaid"),
            })
            {
                using var response = await http.GetAsync(file);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{file}: {(int)response.StatusCode}\n{Log(log)}");
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
                Assert.Contains(expected, body, StringComparison.Ordinal);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<string> FirstPageAsync(HttpClient http, Process server, StringBuilder log)
    {
        for (var attempt = 0; attempt < 120 && !server.HasExited; attempt++)
        {
            try
            {
                return await http.GetStringAsync("/");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }

        Assert.Fail("kiriwake serve did not answer:\n" + Log(log));
        return "";
    }

    private static string Log(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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
