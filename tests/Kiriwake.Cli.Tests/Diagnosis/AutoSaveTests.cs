using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Diagnosis;

public sealed class AutoSaveTests
{
    [Fact]
    public async Task Diagnose_InteractiveWithoutSave_WritesTheAnswersToTheStateFolderAndResumes()
    {
        var folder = Directory.CreateTempSubdirectory("kiriwake-sessions-").FullName;
        var previous = Environment.GetEnvironmentVariable("KIRIWAKE_SESSIONS");
        Environment.SetEnvironmentVariable("KIRIWAKE_SESSIONS", folder);
        try
        {
            // The input ends after one answer, as when the window is closed.
            var first = await Tests.CliRunner.RunWithInputAsync("yes\n", "diagnose", "--symptom", "restore-error-4013", "--kb", RepoPaths.Knowledge, "--lang", "en");
            var saved = Directory.GetFiles(folder, "session-*.json").Single(f => File.ReadAllText(f).Contains("restore-error-4013", StringComparison.Ordinal));
            var resumed = await Tests.CliRunner.RunWithInputAsync("quit\n", "diagnose", "--resume", saved, "--kb", RepoPaths.Knowledge, "--lang", "en", "--format", "json");

            Assert.Contains(saved, first.Error.ReplaceLineEndings(string.Empty), StringComparison.Ordinal);
            Assert.Contains("\"answer\": \"yes\"", resumed.Out, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KIRIWAKE_SESSIONS", previous);
            Directory.Delete(folder, recursive: true);
        }
    }
}
