using System.Diagnostics;
using System.Text.Json;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>A real `kiriwake diagnose` process killed after its first answer loses nothing: --resume goes on.</summary>
public sealed class KillAndResumeTests
{
    [Fact]
    public void Diagnose_ProcessKilledAfterAnAnswer_ResumesWithThatAnswer()
    {
        using var kb = new DiagnoseKnowledge();
        var session = kb.Temp("killed.json");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(KiriwakeCli).Assembly.Location, "diagnose", "--kb", kb.Root, "--symptom", "restore-error-4013", "--save", session, "--lang", "en" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using (var process = Process.Start(start)!)
        {
            process.StandardInput.WriteLine("no");
            process.StandardInput.Flush();
            var deadline = Stopwatch.StartNew();
            while (!(File.Exists(session) && File.ReadAllText(session).Contains("\"answer\": \"no\"", StringComparison.Ordinal)))
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the session file never recorded the answer");
                Thread.Sleep(50);
            }

            Assert.False(process.HasExited);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var answers = kb.Temp("rest.yaml");
        File.WriteAllText(answers, "q-connected: \"yes\"\nchange-cable: fixed\n");
        var resumed = CliRunner.Run("diagnose", "--kb", kb.Root, "--resume", session, "--answers", answers, "--format", "json");

        Assert.True(resumed.Exit == ExitCodes.Success, resumed.Err);
        using var json = JsonDocument.Parse(resumed.Out);
        var first = json.RootElement.GetProperty("transcript")[0];
        Assert.Equal(("q-cable", "no"), (first.GetProperty("id").GetString(), first.GetProperty("answer").GetString()));
        Assert.Equal("fixed", json.RootElement.GetProperty("outcome").GetString());
    }
}
