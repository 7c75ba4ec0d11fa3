using System.Diagnostics;
using System.Text;
using Kiriwake.Cli.Commands;
using Kiriwake.Cli.Tests.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Tests;
using Spectre.Console;

namespace Kiriwake.Cli.Tests.Hostile;

/// <summary>
/// Issue 14 from the command line: every file error becomes a clear message in both languages and a named exit
/// code (items 2, 7), no escape sequence reaches the terminal (6), sessions are saved safely (11), and the small
/// ones of item 12 (huge answers, UTF-16 logs without a BOM).
/// </summary>
public sealed class HostileCliTests : IDisposable
{
    private const string Symptom = "restore-error-4013";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string ModelFile(string name) => Path.Combine(RepoPaths.Root, "tests", "Kiriwake.Cli.Tests", "TestData", "models", name);

    [Fact]
    public async Task Analyze_AFolder_IsAFileErrorSaidInBothLanguages()
    {
        var result = await Tests.CliRunner.RunAsync("analyze", _temp.Path);

        Assert.Equal(ExitCodes.FileError, result.ExitCode);
        Assert.Contains("フォルダー", result.Error, StringComparison.Ordinal);
        Assert.Contains("is a folder, not a file", Flat(result.Error), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbEval_ModelIsAFolder_IsAFileError()
    {
        var result = await Tests.CliRunner.RunAsync("kb", "eval", "--model", _temp.Path);

        Assert.Equal(ExitCodes.FileError, result.ExitCode);
        Assert.Contains("is a folder", Flat(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbEval_ModelLinkedToDevZero_IsRefusedBeforeReadingIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var link = Path.Combine(_temp.Path, "model.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        var result = await Tests.CliRunner.RunAsync("kb", "eval", "--model", link);

        Assert.Equal(ExitCodes.FileError, result.ExitCode);
        Assert.Contains("not a regular file", Flat(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbEval_ModelWithHundredThousandNestedBrackets_IsBadInputNotAStackOverflow()
    {
        var model = Write("deep.json", "{\"id\": " + new string('[', 100_000) + new string(']', 100_000) + "}");

        var result = await Tests.CliRunner.RunAsync("kb", "eval", "--model", model);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("nests too deep", Flat(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_AnswersWithHundredThousandNestedBrackets_IsBadInput()
    {
        using var kb = new DiagnoseKnowledge();
        var answers = Write("answers.json", "{\"q-cable\": " + new string('[', 100_000) + new string(']', 100_000) + "}");

        var result = Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers);

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Contains("入れ子が深すぎます", Flat(result.Err), StringComparison.Ordinal);
        Assert.Contains("nests too deep", Flat(result.Err), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_LogIsAFolder_IsAFileError()
    {
        using var kb = new DiagnoseKnowledge();

        var result = Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--log", _temp.Path);

        Assert.Equal(ExitCodes.FileError, result.Exit);
    }

    [Fact]
    public void Diagnose_ResumeAFolder_IsAFileError()
    {
        using var kb = new DiagnoseKnowledge();

        var result = Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--resume", _temp.Path);

        Assert.Equal(ExitCodes.FileError, result.Exit);
    }

    [Fact]
    public void Diagnose_SaveToAFolder_SaysItCannotSaveAndGoesOn()
    {
        using var kb = new DiagnoseKnowledge();
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "not-a-file")).FullName;
        var answers = Write("a.yaml", "q-cable: \"no\"\nq-connected: \"yes\"\nchange-cable: not-fixed\nforce-restart: fixed\n");

        var result = Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers, "--save", folder, "--lang", "ja");

        Assert.True(result.Exit == ExitCodes.Success, $"exit {result.Exit}: {result.Err}");
        Assert.Contains("セッションを保存できません", result.Err, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFileSystemEntries(_temp.Path), p => p.EndsWith("not-a-file", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path, "*.tmp"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Diagnose_ResumeASessionOpenElsewhere_IsRefusedWithItsOwnExitCode()
    {
        using var kb = new DiagnoseKnowledge();
        var session = Path.Combine(_temp.Path, "session.json");
        var first = Write("first.yaml", "q-cable: \"no\"\n");
        Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", first, "--save", session);
        var rest = Write("rest.yaml", "q-connected: \"yes\"\nchange-cable: not-fixed\nforce-restart: fixed\n");

        using (SessionStore.Open(session, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), Language.En))
        {
            var result = Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--resume", session, "--answers", rest, "--lang", "en");

            Assert.Equal(ExitCodes.SessionInUse, result.Exit);
            Assert.Contains("another kiriwake has this session open", Flat(result.Err), StringComparison.Ordinal);
            Assert.Contains("別の kiriwake", result.Err, StringComparison.Ordinal);
        }

        var after = Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--resume", session, "--answers", rest, "--lang", "en");
        Assert.True(after.Exit == ExitCodes.Success, $"exit {after.Exit}: {after.Err}");
    }

    [Fact]
    public void Save_OldFixedTempNameIsTaken_StillSavesThroughItsOwnTempFile()
    {
        var session = Path.Combine(_temp.Path, "s.json");
        Directory.CreateDirectory(session + ".tmp"); // what a second writer's fixed temp name used to collide with

        SessionFile.Save(new Kiriwake.Core.Conversation.SessionLog("restore-error-4013", null, null, null, []), session);

        Assert.Equal("restore-error-4013", SessionFile.Load(session).Symptom);
        Assert.Equal([session, session + ".tmp"], Directory.EnumerateFileSystemEntries(_temp.Path).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(session));
        }
    }

    [Fact]
    public void Diagnose_HugeAnswer_IsNotEchoedInFull()
    {
        using var kb = new DiagnoseKnowledge();
        var huge = new string('y', 900_000);
        var answers = Write("huge.yaml", $"q-cable: \"{huge}\"\n");

        var result = Diagnosis.CliRunner.Run("diagnose", "--kb", kb.Root, "--symptom", Symptom, "--answers", answers);

        Assert.True(result.Err.Length < 20_000, $"stderr is {result.Err.Length} characters");
        Assert.DoesNotContain(huge, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Utf16LogWithoutBom_FindsTheCode()
    {
        var path = Path.Combine(_temp.Path, "itunes.log");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes("2024-05-01 10:00:00 Restore error 4013\r\n"));

        var result = await Tests.CliRunner.RunAsync("analyze", path, "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains("4013", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupsVerify_DeviceNameSetsTheTerminalTitle_IsShownEscaped()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 3, DeviceName: "Evil\u001b]0;PWNED\u0007\u009b2J\u202Eevil"));

        var verify = await Tests.CliRunner.RunAsync("backups", "verify", folder);
        var list = await Tests.CliRunner.RunAsync("backups", "list", "--root", _temp.Path);

        foreach (var text in new[] { verify.Out, verify.Error, list.Out, list.Error })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\u009b', text);
            Assert.DoesNotContain('\u202E', text);
        }

        Assert.Contains("Evil\\x1B]0;PWNED\\x07", verify.Out + list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalSafeWriter_ColourOn_PassesStylingButNeverAnOscOrAC1Control()
    {
        var inner = new StringWriter();
        var writer = new TerminalSafeWriter(inner, allowCsi: true);

        writer.Write("\u001b[1;31mred\u001b[0m ");
        writer.Write("\u001b]52;c;Y2xpcA==\u0007\u009b6n");

        Assert.Equal("\u001b[1;31mred\u001b[0m \\x1B]52;c;Y2xpcA==\\x07\\x9B6n", inner.ToString());
    }

    [Fact]
    public void CliErrors_ParallelWalkWrapsAPermissionError_ReportsPermissionDenied()
    {
        var output = new StringWriter();
        var context = new CliContext(output, output, TextReader.Null, color: false, TimeProvider.System);

        var code = CliErrors.Report(context, new AggregateException(new UnauthorizedAccessException("Access to the path '/b/00' is denied.")));

        Assert.Equal(ExitCodes.PermissionDenied, code);
        Assert.Contains("アクセスが許可されていません / Permission denied", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KbLint_KnowledgeFileIsALinkLoop_ReportsTheFileInsteadOfCrashing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var kb = new MiniKnowledge();
        File.CreateSymbolicLink(Path.Combine(kb.Root, "causes", "loop.yaml"), Path.Combine(kb.Root, "causes", "loop.yaml"));

        var result = Diagnosis.CliRunner.Run("kb", "lint", "--kb", kb.Root);

        Assert.Equal(ExitCodes.Failure, result.Exit);
        Assert.Contains("causes/loop.yaml:1: cannot read the file", Flat(result.Out + result.Err), StringComparison.Ordinal);
    }

    /// <summary>The console wraps long lines at 100 columns: compare text with its line breaks as spaces.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    internal static bool Exists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    internal static Process? Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info);
    }
}
