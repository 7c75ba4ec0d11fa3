using System.Text.RegularExpressions;
using Kiriwake.Cli.Commands;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Text;
using Kiriwake.Knowledge;
using Kiriwake.Tests;
using Spectre.Console.Testing;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>Diagnose's screens on the real knowledge base at 80 columns in Japanese: every line is broken by the
/// Japanese rules (LineBreaker), never past the width, and the step's notes are on the screen.</summary>
public sealed class DiagnoseWrappingTests
{
    private const int Width = 80;

    [Theory]
    [InlineData("restore-error-4013", Language.Ja)]
    [InlineData("computer-backup-fails-windows", Language.Ja)]
    [InlineData("restore-error-4013", Language.En)]
    public void Render_WholeRouteAt80Columns_NoLineTooWideOrStartingWithAClosingMark(string symptom, Language language)
    {
        var kb = KnowledgeLoader.Load(RepoPaths.Knowledge);
        var conversation = DiagnosisConversation.Start(new KnowledgeModels(kb), symptom,
            new ConversationOptions { Language = language, PlatformCandidates = [Platform.WindowsItunes] }, TimeProvider.System);
        var screens = new List<string>();
        var notesShown = 0;
        for (var i = 0; i < 60; i++)
        {
            var prompt = conversation.Next();
            var console = new TestConsole().Width(Width);
            new ConversationRenderer(console, language, verbose: false).Render(prompt);
            var screen = console.Output.ReplaceLineEndings("\n");
            screens.Add(screen);
            if (prompt is StepPrompt { View.Notes.Count: > 0 } withNotes)
            {
                Assert.Contains(ConversationText.StepNotesHeading.Get(language), screen, StringComparison.Ordinal);
                Assert.All(withNotes.View.Notes, n => Assert.Contains(n.Title, screen, StringComparison.Ordinal));
                notesShown++;
            }

            if (prompt is FinishPrompt)
            {
                break;
            }

            var answer = prompt is StepPrompt { View.Kind: StepKind.Action } ? StepAnswers.NotFixed : prompt.Choices[^1].Value;
            Assert.True(conversation.Answer(answer).Accepted, answer);
        }

        Assert.True(notesShown > 0, "no step of the route had notes");
        var lines = screens.SelectMany(s => s.Split('\n')).ToList();
        Assert.All(lines, l => Assert.True(LineBreaker.DisplayWidth(l) <= Width, $"{LineBreaker.DisplayWidth(l)} columns: {l}"));
        // A line's text (after its list marker: "1.", "!" or "•") never starts with a mark that may not begin a line.
        var texts = lines.Select(l => Regex.Replace(l, @"^\s*(\d+\.|!|•)?\s*", "")).Where(t => t.Length > 0).ToList();
        Assert.All(texts, t => Assert.DoesNotContain(t[0], LineBreaker.NoLineStart));
    }
}
