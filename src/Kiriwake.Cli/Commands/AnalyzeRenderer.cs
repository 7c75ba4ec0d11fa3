using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>The text form of `kiriwake analyze`. Excerpts are untrusted text and are always escaped.</summary>
internal sealed class AnalyzeRenderer
{
    private const int MaxCausesShown = 3;

    private readonly IAnsiConsole _console;
    private readonly KnowledgeBase _knowledge;
    private readonly Language _language;

    public AnalyzeRenderer(IAnsiConsole console, KnowledgeBase knowledge, Language language)
    {
        _console = console;
        _knowledge = knowledge;
        _language = language;
    }

    public void Render(LogAnalysis analysis, DiagnosisStart start, string file)
    {
        if (analysis.Findings.Count == 0)
        {
            _console.MarkupLine($"[yellow]{T(DeviceUiText.NothingFound)}[/]");
            return;
        }

        _console.Write(new Rule($"[bold]{T(DeviceUiText.AnalyzeHeading)}[/]").LeftJustified());
        foreach (var finding in analysis.Findings)
        {
            RenderFinding(finding);
        }

        if (start.Facts.Count > 0)
        {
            _console.MarkupLine($"[bold]{T(DeviceUiText.FactsFromText)}[/]");
            foreach (var line in start.Facts.Select(f => FactText.Describe(_knowledge, f, _language)).OfType<string>())
            {
                WrappedMarkup.WriteLine(_console, Safe.Markup(line), indent: 2);
            }

            _console.WriteLine();
        }

        if (start.SymptomId is { } symptom)
        {
            var option = file == "-" ? "--text \"…\"" : "--log " + file;
            var title = _knowledge.Symptoms.TryGetValue(symptom, out var s) ? s.Title.Get(_language) : string.Empty;
            WrappedMarkup.WriteLine(_console, $"[dim]{T(DeviceUiText.DiagnoseNext)}[/] kiriwake diagnose {Safe.Markup(option)}  [dim]({Safe.Markup(title)})[/]");
        }
    }

    private void RenderFinding(LogFinding finding)
    {
        var where = string.Format(CultureInfo.InvariantCulture, DeviceUiText.Line.Get(_language), finding.Line);
        if (finding.AlsoAt.Count > 0)
        {
            where += " " + string.Format(CultureInfo.InvariantCulture, DeviceUiText.AlsoAt.Get(_language), string.Join(", ", finding.AlsoAt));
        }

        var code = finding.Code is { } c && finding.Domain is { } d
            ? $"[bold]{T(UiText.ErrorCodeTitle)} {c.ToString(CultureInfo.InvariantCulture)}[/] ({T(EnumText.Domain(d))}) "
            : string.Empty;
        _console.MarkupLine($"{code}[dim]{Safe.Markup(where)} · {T(DeviceUiText.Confidence)} {Format.Percent(finding.Confidence)}[/]");
        WrappedMarkup.WriteLine(_console, $"[dim]> {Safe.Markup(finding.Excerpt)}[/]", indent: 2);
        if (finding.Meaning is { } meaning)
        {
            WrappedMarkup.WriteLine(_console, T(meaning), indent: 2);
        }
        else if (finding.Code is not null)
        {
            _console.MarkupLine($"  [yellow]{T(DeviceUiText.NotInKnowledge)}[/]");
        }

        var symptoms = finding.Symptoms.Select(id => _knowledge.Symptoms.TryGetValue(id, out var s) ? s.Title.Get(_language) : id).ToList();
        if (symptoms.Count > 0)
        {
            WrappedMarkup.WriteLine(_console, $"{T(DeviceUiText.Symptoms)}: {Safe.Markup(string.Join(" / ", symptoms))}", indent: 2);
        }

        var causes = finding.Causes.Take(MaxCausesShown)
            .Select(id => _knowledge.Causes.TryGetValue(id, out var cause) ? cause.Title.Get(_language) : id)
            .ToList();
        if (causes.Count > 0)
        {
            WrappedMarkup.WriteLine(_console, $"{T(DeviceUiText.Causes)}: {Safe.Markup(string.Join(" / ", causes))}", indent: 2);
        }

        _console.WriteLine();
    }

    private string T(LocalizedText text) => Safe.Markup(text.Get(_language));
}
