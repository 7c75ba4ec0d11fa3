using Kiriwake.Cli.Commands;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge;
using Spectre.Console.Testing;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>Whole rendered screens of diagnose's prompts (Spectre.Console.Testing), in Japanese and English, on the
/// diagnosis tests' own knowledge base: any change of layout or wording fails here first.</summary>
public sealed class DiagnoseScreenTests : IDisposable
{
    private readonly DiagnoseKnowledge _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public void Render_FirstQuestionInJapanese_IsTheWholeScreen()
    {
        var screen = Screen(Language.Ja, c => c.Next());

        Assert.Equal(
            """

            手順 1 · 質問: 純正ケーブルですか?
            理由: 切り分け
              1. はい
              2. いいえ

            """, screen);
    }

    [Fact]
    public void Render_ForceRestartInEnglishForAKnownModel_ShowsOnlyThatModelsButtons()
    {
        var screen = Screen(Language.En, c =>
        {
            c.Answer("yes");
            c.Answer("3");
            return c.Next();
        });

        Assert.Equal(
            """

            Step 2 · To do: Force restart
            Why: Clears a temporary glitch
            Time: about 3 min / risk to data: low
            How to:
              1. Press and quickly release volume up
              DFU
              1. Press and quickly release volume up
              2. Hold the side button (about 10 s)
            Having done it: is it fixed?
              1. It is fixed
              2. Still failing
              3. Could not do it / skip it

            """, screen);
    }

    [Fact]
    public void Render_BackupGateInJapanese_OffersChoicesInWordsNotIds()
    {
        var screen = Screen(Language.Ja, c =>
        {
            c.Answer("はい");
            c.Answer("3");
            c.Answer("直らない");
            c.Answer("直らない");
            return c.Next();
        });

        Assert.Equal(
            """

            データが消えるおそれのある手順で直る見込みがあります(DFU復元)。確認済みのバックアップはありますか?
              1. はい、確認済みのバックアップがある
              2. バックアップはないが、データが消えてもよい
              3. いいえ(データを消す手順は行わない)

            """, screen);
    }

    private string Screen(Language language, Func<DiagnosisConversation, ConversationPrompt> walk)
    {
        var models = new KnowledgeModels(KnowledgeLoader.Load(_kb.Root));
        var conversation = DiagnosisConversation.Start(models, "restore-error-4013",
            new ConversationOptions { Language = language, PlatformCandidates = [Platform.MacosFinder] }, TimeProvider.System);
        var prompt = walk(conversation);
        var console = new TestConsole().Width(120);
        new ConversationRenderer(console, language, verbose: false).Render(prompt);
        return console.Output.ReplaceLineEndings("\n");
    }
}
