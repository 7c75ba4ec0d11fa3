using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Text;
using Kiriwake.Evidence.Logs;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>One invocation of `diagnose`: resolves the symptom, runs the loop, writes the report.</summary>
internal sealed partial class DiagnoseRun(CliContext context, ParseResult parseResult, Language language)
{
    public required string Format { get; init; }

    public string? SymptomId { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>Where --text or --log led: candidate symptoms (best first) and the facts the text established.</summary>
    public DiagnosisStart? TextStart { get; init; }

    /// <summary>What the text was, for messages: "--text" or the log's file name.</summary>
    public string? TextOrigin { get; init; }

    /// <summary>Facts read by the evidence readers (the text, the device, a backup) before the session starts.</summary>
    public IReadOnlyList<Fact> EvidenceFacts { get; init; } = [];

    public string? AnswersPath { get; init; }

    public string? SimulateCause { get; init; }

    public string? SavePath { get; init; }

    public string? ResumePath { get; init; }

    public string? Platform { get; init; }

    public string? Family { get; init; }

    public required string[] Facts { get; init; }

    private bool Scripted => AnswersPath is not null || SimulateCause is not null;

    public int Run()
    {
        var kb = context.LoadKnowledge(parseResult);
        var resumed = ResumePath is not null ? SessionFile.Load(ResumePath) : null;
        var symptomId = resumed?.Symptom ?? ResolveSymptom(kb);
        if (symptomId is null)
        {
            return ExitCodes.NotFound;
        }

        if (!kb.Symptoms.ContainsKey(symptomId))
        {
            Fail(DiagnoseText.NoSymptomFound, symptomId);
            return ExitCodes.NotFound;
        }

        var model = new CompiledModel(ModelFlattener.Flatten(kb, symptomId));
        if (SimulateCause is not null && !model.CauseIds.Contains(SimulateCause, StringComparer.Ordinal))
        {
            Fail(DiagnoseText.UnknownCause, SimulateCause);
            return ExitCodes.NotFound;
        }

        var answers = AnswersPath is not null ? AnswersFile.Load(AnswersPath) : null;
        var session = new DiagnosisSession(model, EngineOptions.Default, resumed?.Events);

        // Evidence first, then what the person states with --fact: the last value of a fact wins, so a person can
        // override what a reader found; a question a fact answered is marked as answered by that fact.
        foreach (var fact in resumed is null ? EvidenceFacts : [])
        {
            session.RecordFact(fact.Key, fact.Value, TextInput.SourceLabel(fact), Now);
        }

        foreach (var fact in Facts)
        {
            var parts = fact.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new FormatException($"--fact takes KEY=VALUE, not '{fact}'");
            }

            session.RecordFact(parts[0].Trim(), parts[1].Trim(), "person:--fact", Now);
        }

        var platform = Platform ?? resumed?.Platform;
        var family = Family ?? resumed?.Family ?? session.Snapshot.Facts.GetValueOrDefault(FactKeys.DeviceButtonFamily);
        // An interactive session is always written down, so a crash or a closed window loses no answer.
        var store = SavePath ?? ResumePath ?? (Scripted ? null : SessionFile.DefaultPath(context.Time));
        if (store is not null && SavePath is null && ResumePath is null)
        {
            context.Error.MarkupLine($"[grey]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.AutoSaving.Get(language), store))}[/]");
        }

        using var saver = store is null ? null : SessionStore.Open(store, context.Error, language);
        void Save() => saver?.Save(new SessionFile(symptomId, platform, family, session.Events));

        Save();
        var renderer = new StepRenderer(kb, language, ParseEnum<Platform>(platform), ParseEnum<ButtonFamily>(family));
        var gatesAsked = new HashSet<Gate>();
        while (true)
        {
            var rec = session.Next();
            var ending = rec is null || (model.TryFindStep(rec.Step.Id, out var next) && next.Kind == StepKind.Escalation);
            if (ending && SimulateCause is null && AskGate(session, model, renderer, answers, gatesAsked) is { } fact)
            {
                // The person opened (or closed) a gate: plan again before handing over.
                session.RecordFact(fact.Key, fact.Value, "person", Now);
                Save();
                continue;
            }

            if (rec is null)
            {
                break;
            }

            var number = session.Snapshot.Transcript.Count(t => t.Source == AnswerSource.Person) + 1;
            renderer.Render(context.Error, number, rec, model);
            model.TryFindStep(rec.Step.Id, out var choice);
            if (choice.Kind == StepKind.Escalation)
            {
                session.Answer(rec.Step.Id, StepAnswers.Escalated, Now);
                Save();
                break;
            }

            string? answer;
            if (answers is not null)
            {
                if (!answers.TryGetValue(rec.Step.Id, out answer))
                {
                    return NeedsAnswer(model, rec, renderer, store);
                }
            }
            else if (SimulateCause is not null)
            {
                answer = SimulatedResponder.Answer(model, rec.Step, SimulateCause);
            }
            else
            {
                var stop = Prompt(session, model, rec, out answer);
                if (stop)
                {
                    Save();
                    context.Error.MarkupLine(Markup.Escape(store is null || saver is { Saving: false } ? DiagnoseText.StoppedUnsaved.Get(language)
                        : string.Format(CultureInfo.InvariantCulture, DiagnoseText.Saved.Get(language), store)));
                    WriteReport(kb, symptomId, session, renderer);
                    return ExitCodes.Success;
                }

                if (answer is null)
                {
                    Save();
                    continue;
                }
            }

            context.Error.MarkupLine($"[grey]> {Markup.Escape(UntrustedText.Shorten(answer, 200))}[/]");
            session.Answer(rec.Step.Id, answer, Now);
            Save();
        }

        var report = WriteReport(kb, symptomId, session, renderer);
        return report.Outcome == "unresolved" ? ExitCodes.Failure : ExitCodes.Success;
    }

    private DateTimeOffset Now => context.Time.GetUtcNow();

    /// <returns>true to stop; otherwise <paramref name="answer"/> is an accepted answer, or null after an undo.</returns>
    private bool Prompt(DiagnosisSession session, CompiledModel model, Recommendation rec, out string? answer)
    {
        var accepts = StepRenderer.Accepts(model, rec.Step);
        context.Error.MarkupLine($"[grey]{Markup.Escape(DiagnoseText.Commands.Get(language))}[/]");
        while (true)
        {
            context.Error.Markup(Markup.Escape(DiagnoseText.Prompt.Get(language)));
            var line = context.Input.ReadLine();
            if (line is null || line.Trim() is "quit" or "q")
            {
                answer = null;
                return true;
            }

            line = line.Trim();
            if (line == "undo")
            {
                context.Error.MarkupLine(Markup.Escape((session.Undo(Now) ? DiagnoseText.Undone : DiagnoseText.NothingToUndo).Get(language)));
                answer = null;
                return false;
            }

            if (accepts.Contains(line, StringComparer.Ordinal))
            {
                answer = line;
                return false;
            }

            context.Error.MarkupLine($"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.NotAccepted.Get(language), line))}[/] {Markup.Escape(string.Join(" / ", accepts))}");
        }
    }

    private int NeedsAnswer(CompiledModel model, Recommendation rec, StepRenderer renderer, string? store)
    {
        var accepts = StepRenderer.Accepts(model, rec.Step);
        if (Format == "json")
        {
            CliJson.Write(context, new { needsAnswer = new { id = rec.Step.Id, kind = rec.Step.Kind, title = renderer.Title(rec.Step), accepts }, session = store });
        }
        else
        {
            context.OutWriter.WriteLine(string.Format(CultureInfo.InvariantCulture, DiagnoseText.NeedsAnswer.Get(language), rec.Step.Id));
            context.OutWriter.WriteLine($"  {renderer.Title(rec.Step)}");
            context.OutWriter.WriteLine("  " + string.Format(CultureInfo.InvariantCulture, DiagnoseText.Accepts.Get(language), string.Join(" / ", accepts)));
        }

        return ExitCodes.NeedsAnswer;
    }

    private DiagnosisReport WriteReport(KnowledgeBase kb, string symptomId, DiagnosisSession session, StepRenderer renderer)
    {
        var report = DiagnosisReport.Build(kb, symptomId, session, renderer, language, Now);
        switch (Format)
        {
            case "json":
                CliJson.Write(context, report);
                break;
            case "markdown":
                context.OutWriter.Write(report.ToText(language, markdown: true));
                break;
            default:
                context.OutWriter.Write(report.ToText(language, markdown: false));
                break;
        }

        context.OutWriter.Flush();
        return report;
    }

    private void Fail(LocalizedText text, string arg) =>
        context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, text.Get(language), arg))}[/]");

    private static T? ParseEnum<T>(string? kebab)
        where T : struct, Enum =>
        kebab is not null && Enum.TryParse<T>(kebab.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var v) ? v : null;
}
