using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`diagnose`: which symptom — given, found from an error code or a pasted text, or chosen from a numbered
/// list (also when the text matched nothing).</summary>
internal sealed partial class DiagnoseRun
{
    /// <returns>The symptom id, or null when none could be chosen (a message was shown).</returns>
    private async Task<string?> ResolveSymptomAsync(KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (SymptomId is not null)
        {
            return SymptomId;
        }

        IReadOnlyList<string> candidates;
        string what;
        if (ErrorCode is not null)
        {
            candidates = SymptomFinder.ForCode(kb, ErrorCode);
            what = ErrorCode;
        }
        else if (TextStart is not null)
        {
            candidates = TextStart.Candidates.Select(c => c.SymptomId).ToArray();
            what = TextOrigin ?? string.Empty;
        }
        else if (Scripted)
        {
            context.Error.MarkupLine($"[red]{Markup.Escape(DiagnoseText.NoSymptomGiven.Get(language))}[/]");
            return null;
        }
        else
        {
            candidates = kb.Content.Symptoms.Select(s => s.Id).ToArray();
            what = "";
        }

        if (candidates.Count == 0)
        {
            if (Scripted || ErrorCode is not null)
            {
                Fail(DiagnoseText.NoSymptomFound, what);
                return null;
            }

            // Text that matches nothing: the person still gets the list.
            WrappedMarkup.WriteLine(context.Error, $"[yellow]{Markup.Escape(DiagnoseText.TextMatchedNothing.Get(language))}[/]");
            candidates = kb.Content.Symptoms.Select(s => s.Id).ToArray();
        }

        if (candidates.Count == 1 && what.Length > 0)
        {
            return candidates[0];
        }

        if (Scripted)
        {
            WrappedMarkup.WriteLine(context.Error, $"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.SeveralSymptoms.Get(language), kb.Symptoms[candidates[0]].Title.Get(language)))}[/]");
            return candidates[0];
        }

        var choices = candidates.Select(id => new AnswerChoice(id, kb.Symptoms[id].Title.Get(language))).ToArray();
        WrappedMarkup.WriteLine(context.Error, Markup.Escape(DiagnoseText.ChooseSymptom.Get(language)));
        var renderer = new ConversationRenderer(context.Error, language, Verbose);
        renderer.Choices(choices);
        while (true)
        {
            context.Error.Markup("> ");
            var line = await _reader.ReadLineAsync(cancellationToken);
            if (line is null || IsQuit(line))
            {
                return null;
            }

            if (AnswerParser.Parse(line, choices) is { } chosen)
            {
                return chosen.Value;
            }

            WrappedMarkup.WriteLine(context.Error, $"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, ConversationText.NotAccepted.Get(language), line.Trim(), string.Join(" / ", choices.Select((c, i) => $"{i + 1}. {c.Label}"))))}[/]");
        }
    }
}
