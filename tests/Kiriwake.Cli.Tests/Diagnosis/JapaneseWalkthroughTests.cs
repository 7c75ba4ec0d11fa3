using System.Text.Json;
using System.Text.RegularExpressions;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>
/// The three cases of the issue, walked through in Japanese on the real knowledge base by a person who types
/// answers as people do; each ends (fixed or handed over) and nothing they read holds an id of the knowledge base.
/// </summary>
public sealed class JapaneseWalkthroughTests : IDisposable
{
    private static readonly Lazy<KnowledgeModels> s_models = new(() => new KnowledgeModels(KnowledgeLoader.Load(RepoPaths.Knowledge)));
    private readonly string _folder = Directory.CreateTempSubdirectory("kiriwake-walk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("ios-software-corrupt")]
    [InlineData("usb-port-or-hub")]
    public async Task Diagnose_Pasted4013Dialog_TypedJapaneseAnswers_Completes(string cause)
    {
        var (result, person) = await WalkAsync(cause, null, "--text", "iPhoneを復元できませんでした。不明なエラーが発生しました（4013）。");

        AssertCompleted(result, person, "restore-error-4013");
    }

    [Fact]
    public async Task Diagnose_IcloudFull_TypedJapaneseAnswers_Completes()
    {
        var (result, person) = await WalkAsync("icloud-old-backups", null, "--symptom", "icloud-storage-full");

        AssertCompleted(result, person, "icloud-storage-full");
    }

    [Fact]
    public async Task Diagnose_MacBackupChosenFromTheList_TypedJapaneseAnswers_Completes()
    {
        var kb = s_models.Value.Knowledge;
        var title = kb.Symptoms["computer-backup-fails-mac"].Title.Ja;
        var (result, person) = await WalkAsync("pc-storage-full", title);

        AssertCompleted(result, person, "computer-backup-fails-mac");
    }

    [Fact]
    public async Task Diagnose_IcloudFull_JapaneseScreens_HoldNoKnowledgeBaseId()
    {
        var (result, _) = await WalkAsync("icloud-data-growth", null, "--symptom", "icloud-storage-full", "--format", "markdown");

        AssertNoIds(result.Error + result.Out);
    }

    [Theory]
    [InlineData("ios-software-corrupt")]
    [InlineData("device-hardware-fault")]
    public async Task Diagnose_4013_JapaneseScreens_HoldNoKnowledgeBaseId(string cause)
    {
        var (result, _) = await WalkAsync(cause, null, "--text", "iPhoneを復元できませんでした。不明なエラーが発生しました（4013）。");

        AssertNoIds(result.Error + result.Out);
    }

    private async Task<(Tests.CliResult Result, TypingPerson Person)> WalkAsync(string cause, string? symptomChoice, params string[] args)
    {
        var session = Path.Combine(_folder, "walk.json");
        var person = new TypingPerson(s_models.Value, session, cause) { SymptomChoice = symptomChoice };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, person, color: false, TimeProvider.System)
        {
            SessionsFolder = _folder,
            PlatformCandidates = [Platform.MacosFinder],
        };
        string[] all = ["diagnose", "--kb", RepoPaths.Knowledge, "--lang", "ja", "--save", session, .. args];
        var exit = await KiriwakeCli.RunAsync(all, context, CancellationToken.None);
        return (new Tests.CliResult(exit, output.ToString(), error.ToString()), person);
    }

    private static void AssertCompleted(Tests.CliResult result, TypingPerson person, string symptom)
    {
        var screen = result.Error + result.Out;
        Assert.True(result.ExitCode == ExitCodes.Success, $"exit {result.ExitCode}\n{screen}");
        Assert.Contains("診断レポート", result.Out, StringComparison.Ordinal);
        Assert.True(result.Out.Contains("解決: ", StringComparison.Ordinal) || result.Out.Contains("相談先: ", StringComparison.Ordinal), screen);
        Assert.DoesNotContain("選べません", result.Error, StringComparison.Ordinal);
        Assert.Contains(person.Typed, t => t is "はい" or "いいえ" or "直らない" or "直った" or "Ｙｅｓ");
        Assert.Contains(s_models.Value.Knowledge.Symptoms[symptom].Title.Ja, result.Out, StringComparison.Ordinal);
    }

    /// <summary>Every id of the knowledge base (causes, symptoms, steps, checklists, flows, FAQ), every fact key,
    /// gate and platform/family name, and the action answers, as whole words.</summary>
    private static void AssertNoIds(string text)
    {
        var kb = s_models.Value.Knowledge;
        var ids = kb.Content.Causes.Select(c => c.Id)
            .Concat(kb.Content.Symptoms.Select(s => s.Id))
            .Concat(kb.Actions.Keys).Concat(kb.Questions.Keys).Concat(kb.Escalations.Keys)
            .Concat(kb.Checklists.Keys).Concat(kb.Flows.Keys).Concat(kb.Content.Faq.Select(f => f.Id))
            .Concat(kb.Questions.Values.SelectMany(q => q.Answers).Select(a => a.Id).Where(a => a.Length > 3 || a.Contains('-', StringComparison.Ordinal)))
            .Concat(typeof(FactKeys).GetFields().Select(f => (string)f.GetValue(null)!))
            .Concat(["backup-verified", "owner-consent", "accept-loss", "not-fixed", "skipped", "escalated", "iphone-no-home", "iphone-home", "windows-itunes", "macos-finder"])
            .Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(ids.Length > 100, $"only {ids.Length} ids");
        var found = ids.Where(id => Regex.IsMatch(text, $"(?<![A-Za-z0-9.-]){Regex.Escape(id)}(?![A-Za-z0-9-])")).ToArray();
        Assert.True(found.Length == 0, $"ids on screen: {string.Join(", ", found)}\n{text}");
    }
}
