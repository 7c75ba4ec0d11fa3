using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Diagnosis;

public sealed class AutoSaveTests
{
    [Fact]
    public async Task Diagnose_InteractiveWithoutSave_WritesTheAnswersToTheSessionsFolderAndResumes()
    {
        var folder = Directory.CreateTempSubdirectory("kiriwake-sessions-").FullName;
        try
        {
            // The input ends after one answer, as when the window is closed (Ctrl+D). The real knowledge base starts
            // with the cable (the lowest-risk step); "still failing" keeps the session going.
            var first = await Tests.CliRunner.RunInAsync(new CliRun("not-fixed\n", folder), "diagnose", "--symptom", "restore-error-4013", "--kb", RepoPaths.Knowledge, "--lang", "en");
            var saved = Directory.GetFiles(folder, "session-*.json").Single();
            var resumed = await Tests.CliRunner.RunInAsync(new CliRun("quit\n", folder), "diagnose", "--resume", saved, "--kb", RepoPaths.Knowledge, "--lang", "en", "--format", "json");

            Assert.Contains(saved, first.Error.ReplaceLineEndings(string.Empty), StringComparison.Ordinal);
            Assert.Contains("The input ended (Ctrl+D)", first.Error, StringComparison.Ordinal);
            Assert.Contains("\"answer\": \"not-fixed\"", resumed.Out, StringComparison.Ordinal);
            Assert.Contains("Continuing your session", resumed.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
