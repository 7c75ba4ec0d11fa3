using System.CommandLine;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake explain <code-or-text>`: what a code or a pasted dialog means, its likely causes and first steps.</summary>
internal sealed class ExplainCommand
{
    private readonly CliContext _context;
    private readonly Argument<string[]> _query = new("code-or-text") { Description = "An error code (4013, -1, 105) or a whole pasted message / エラーコードまたはメッセージ", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public ExplainCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("explain", "Explain an error code or message / エラーコードやメッセージの意味") { _query, _format };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var query = string.Join(' ', parseResult.GetValue(_query) ?? []);
        var explanation = TextMatcher.Match(query, knowledge).Explain(knowledge, query);
        if (parseResult.GetValue(_format) == "json")
        {
            CliJson.Write(_context, ToJson(knowledge, explanation, language));
        }
        else
        {
            Render(knowledge, explanation, language);
        }

        return explanation.Found ? ExitCodes.Success : ExitCodes.NotFound;
    }

    private void Render(KnowledgeBase knowledge, Explanation explanation, Language language)
    {
        var console = _context.Out;
        foreach (var match in explanation.Codes)
        {
            var code = match.Code;
            console.Write(new Rule($"[bold]{Markup.Escape(UiText.ErrorCodeTitle.Get(language))} {code.Code}[/] ({Markup.Escape(EnumText.Domain(code.Domain).Get(language))})").LeftJustified());
            WrappedMarkup.WriteLine(console, Markup.Escape(code.Meaning.Get(language)));
            RenderCauses(match.Causes, language);
            RenderSteps(knowledge, match.FirstSteps, language);
            if (code.SymptomIds.Count > 0)
            {
                console.MarkupLine($"[dim]{Markup.Escape(UiText.DiagnoseWith.Get(language))}[/] kiriwake diagnose --error {code.Code}");
            }

            console.WriteLine();
        }

        foreach (var unknown in explanation.UnknownCodes)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(string.Format(System.Globalization.CultureInfo.InvariantCulture, UiText.UnknownCode.Get(language), unknown.Code))}[/]");
            foreach (var range in unknown.Ranges)
            {
                WrappedMarkup.WriteLine(console, $"{Markup.Escape(UiText.RangeSuggests.Get(language))} ({range.From}–{range.To}): {Markup.Escape(range.Meaning.Get(language))}", indent: 2);
            }
        }

        // A symptom a shown code already leads to is not repeated: one block per thing the person saw.
        var covered = explanation.Codes.SelectMany(c => c.Code.SymptomIds).ToHashSet(StringComparer.Ordinal);
        foreach (var match in explanation.Symptoms.Where(s => !covered.Contains(s.Symptom.Id)))
        {
            console.Write(new Rule($"[bold]{Markup.Escape(match.Symptom.Title.Get(language))}[/]").LeftJustified());
            if (match.Message is not null)
            {
                WrappedMarkup.WriteLine(console, $"[dim]{Markup.Escape(UiText.MatchedMessage.Get(language))}[/] {Markup.Escape(match.Message.Get(language))}");
            }

            WrappedMarkup.WriteLine(console, Markup.Escape(match.Symptom.Description.Get(language)));
            RenderCauses(match.Causes, language);
            RenderSteps(knowledge, match.FirstSteps, language);
            console.MarkupLine($"[dim]{Markup.Escape(UiText.DiagnoseWith.Get(language))}[/] kiriwake diagnose --symptom {Markup.Escape(match.Symptom.Id)}");
            console.WriteLine();
        }

        if (!explanation.Found)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(UiText.NothingMatched.Get(language))}[/]");
        }
    }

    private void RenderCauses(IReadOnlyList<RankedCause> causes, Language language)
    {
        _context.Out.MarkupLine($"[bold]{Markup.Escape(UiText.LikelyCauses.Get(language))}[/]");
        ListView.Write(_context.Out, causes.Select((cause, i) =>
        {
            var p = cause.P is { } value ? $" [dim]{Format.Percent(value)}[/]" : string.Empty;
            return ($"{i + 1}.", Markup.Escape(cause.Cause.Title.Get(language)) + p);
        }));
    }

    private void RenderSteps(KnowledgeBase knowledge, IReadOnlyList<string> steps, Language language)
    {
        if (steps.Count == 0)
        {
            return;
        }

        _context.Out.MarkupLine($"[bold]{Markup.Escape(UiText.FirstSteps.Get(language))}[/]");
        ListView.Write(_context.Out, steps.Select((step, i) => ($"{i + 1}.", Markup.Escape(knowledge.StepTitle(step)?.Get(language) ?? step))));
    }

    private static object ToJson(KnowledgeBase knowledge, Explanation explanation, Language language) => new
    {
        query = explanation.Query,
        found = explanation.Found,
        codes = explanation.Codes.Select(m => new
        {
            code = m.Code.Code,
            domain = m.Code.Domain,
            @class = m.Code.Class,
            meaning = m.Code.Meaning.Get(language),
            symptoms = m.Code.SymptomIds,
            causes = m.Causes.Select(c => new { id = c.Cause.Id, title = c.Cause.Title.Get(language), p = c.P }),
            firstSteps = m.FirstSteps.Select(s => new { id = s, title = knowledge.StepTitle(s)?.Get(language) }),
        }),
        symptoms = explanation.Symptoms.Select(m => new
        {
            id = m.Symptom.Id,
            title = m.Symptom.Title.Get(language),
            matchedMessage = m.Message?.Get(language),
            score = m.Score,
            causes = m.Causes.Select(c => new { id = c.Cause.Id, title = c.Cause.Title.Get(language), p = c.P }),
            firstSteps = m.FirstSteps.Select(s => new { id = s, title = knowledge.StepTitle(s)?.Get(language) }),
        }),
        unknownCodes = explanation.UnknownCodes.Select(u => new
        {
            code = u.Code,
            suggestedClasses = u.Ranges.Select(r => new { @class = r.Class, domain = r.Domain, from = r.From, to = r.To, meaning = r.Meaning.Get(language) }),
        }),
    };
}
