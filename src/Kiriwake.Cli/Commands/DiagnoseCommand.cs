using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake diagnose`: one step at a time to a fix or an escalation. Interactive on stdin/stderr, or scripted
/// with --answers FILE or --simulate CAUSE; --save/--resume keep the session's event log; the report goes to
/// stdout as text, Markdown or JSON.
/// </summary>
internal sealed class DiagnoseCommand
{
    private readonly CliContext _context;
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "markdown", "json");
    private readonly Option<string?> _symptom = new("--symptom") { Description = "Symptom id / 症状 ID", HelpName = "ID" };
    private readonly Option<string?> _error = new("--error") { Description = "Error code, e.g. 4013 or backup:105 / エラーコード", HelpName = "CODE" };
    private readonly Option<string?> _text = new("--text") { Description = "A pasted error message / 表示されたメッセージ", HelpName = "TEXT" };
    private readonly Option<FileInfo?> _answers = new("--answers") { Description = "Scripted answers: YAML/JSON step id → answer / 回答ファイル", HelpName = "FILE" };
    private readonly Option<string?> _simulate = new("--simulate") { Description = "Answer as if CAUSE were the fault (evaluation) / 原因を仮定して自動回答", HelpName = "CAUSE" };
    private readonly Option<string?> _save = new("--save") { Description = "Save the session after every answer / セッションを保存", HelpName = "FILE" };
    private readonly Option<FileInfo?> _resume = new("--resume") { Description = "Resume a saved session / 保存したセッションを再開", HelpName = "FILE" };
    private readonly Option<string?> _platform = new("--platform") { Description = "ios, windows-itunes, windows-apple-devices or macos-finder / 使っている環境" };
    private readonly Option<string?> _family = new("--family") { Description = "iphone-home, iphone-7, iphone-no-home, ipad-home or ipad-no-home / ボタンの種類" };
    private readonly Option<string[]> _facts = new("--fact") { Description = "A known fact KEY=VALUE, e.g. backup.verified=true / 既知の事実", HelpName = "KEY=VALUE", AllowMultipleArgumentsPerToken = false };

    public DiagnoseCommand(CliContext context)
    {
        _context = context;
        _platform.AcceptOnlyFromAmong("ios", "windows-itunes", "windows-apple-devices", "macos-finder");
        _family.AcceptOnlyFromAmong("iphone-home", "iphone-7", "iphone-no-home", "ipad-home", "ipad-no-home");
    }

    public Command Build()
    {
        var command = new Command("diagnose", "Find the fix step by step / 一歩ずつ原因を切り分けて解決")
        {
            _symptom, _error, _text, _answers, _simulate, _save, _resume, _platform, _family, _facts, _format,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var run = new DiagnoseRun(_context, parseResult, _context.GetLanguage(parseResult))
        {
            Format = parseResult.GetValue(_format)!,
            SymptomId = parseResult.GetValue(_symptom),
            ErrorCode = parseResult.GetValue(_error),
            Text = parseResult.GetValue(_text),
            AnswersPath = parseResult.GetValue(_answers)?.FullName,
            SimulateCause = parseResult.GetValue(_simulate),
            SavePath = parseResult.GetValue(_save),
            ResumePath = parseResult.GetValue(_resume)?.FullName,
            Platform = parseResult.GetValue(_platform),
            Family = parseResult.GetValue(_family),
            Facts = parseResult.GetValue(_facts) ?? [],
        };

        try
        {
            return run.Run();
        }
        catch (Exception ex) when (ex is InvalidDataException or SessionException or TroubleshootingModelException or FormatException)
        {
            _context.Error.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ExitCodes.BadInput;
        }
    }
}

/// <summary>One invocation of `diagnose`: resolves the symptom, runs the loop, writes the report.</summary>
internal sealed class DiagnoseRun(CliContext context, ParseResult parseResult, Language language)
{
    public required string Format { get; init; }

    public string? SymptomId { get; init; }

    public string? ErrorCode { get; init; }

    public string? Text { get; init; }

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
        var store = SavePath ?? ResumePath;
        void Save()
        {
            if (store is not null)
            {
                new SessionFile(symptomId, platform, family, session.Events).Save(store);
            }
        }

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
                    context.Error.MarkupLine(Markup.Escape(store is null ? DiagnoseText.StoppedUnsaved.Get(language)
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

            context.Error.MarkupLine($"[grey]> {Markup.Escape(answer)}[/]");
            session.Answer(rec.Step.Id, answer, Now);
            Save();
        }

        var report = WriteReport(kb, symptomId, session, renderer);
        return report.Outcome == "unresolved" ? ExitCodes.Failure : ExitCodes.Success;
    }

    private DateTimeOffset Now => context.Time.GetUtcNow();

    /// <summary>
    /// Before the session hands over or ends, a step held back by a gate the person can open gets one question:
    /// a verified backup, or explicit acceptance of losing data, for a data-loss step; the owner's consent for
    /// someone else's device. Scripted sessions answer it with the keys "backup-verified" and "owner-consent";
    /// without such a key the gate stays closed. Simulated sessions never open a gate.
    /// </summary>
    private (string Key, string Value)? AskGate(DiagnosisSession session, CompiledModel model, StepRenderer renderer,
        IReadOnlyDictionary<string, string>? answers, HashSet<Gate> asked)
    {
        var snapshot = session.Snapshot;
        if (snapshot.Outcome != SessionOutcome.InProgress)
        {
            return null;
        }

        foreach (var gate in new[] { Gate.BackupVerified, Gate.OwnerConsent })
        {
            var held = Enumerable.Range(0, model.ActionCount)
                .Where(a => !snapshot.State.IsActionUsed(a) && snapshot.State.FixProbability(a) > 0)
                .Where(a => snapshot.Gates.Missing(model.Actions[a].Risk, model.Actions[a].Gates).Contains(gate))
                .Select(a => renderer.Title(new StepRef(StepKind.Action, model.ActionIds[a]))).ToArray();
            var known = gate == Gate.BackupVerified
                ? snapshot.Facts.ContainsKey(FactKeys.BackupVerified) || snapshot.Facts.ContainsKey(FactKeys.DataLossAccepted)
                : false;
            if (held.Length == 0 || known || !asked.Add(gate))
            {
                continue;
            }

            var id = StepRenderer.GateName(gate);
            string[] accepts = gate == Gate.BackupVerified ? ["backup-verified", "accept-loss", "no"] : ["yes", "no"];
            var question = string.Format(CultureInfo.InvariantCulture,
                (gate == Gate.BackupVerified ? DiagnoseText.GateBackup : DiagnoseText.GateConsent).Get(language), string.Join(", ", held));
            context.Error.WriteLine();
            context.Error.MarkupLine($"[bold]{Markup.Escape(question)}[/] [grey]({Markup.Escape(id)})[/]");
            context.Error.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.Accepts.Get(language), string.Join(" / ", accepts))));
            string? answer;
            if (answers is not null)
            {
                answer = answers.TryGetValue(id, out var a) && accepts.Contains(a, StringComparer.Ordinal) ? a : null;
            }
            else
            {
                answer = null;
                while (answer is null)
                {
                    context.Error.Markup(Markup.Escape(DiagnoseText.Prompt.Get(language)));
                    var line = context.Input.ReadLine()?.Trim();
                    if (line is null)
                    {
                        break;
                    }

                    answer = accepts.Contains(line, StringComparer.Ordinal) ? line : null;
                }
            }

            return (gate, answer) switch
            {
                (Gate.BackupVerified, "backup-verified") => (FactKeys.BackupVerified, "true"),
                (Gate.BackupVerified, "accept-loss") => (FactKeys.DataLossAccepted, "true"),
                (Gate.BackupVerified, "no") => (FactKeys.BackupVerified, "false"),
                (Gate.OwnerConsent, "yes") => (FactKeys.OwnerConsent, "true"),
                _ => null,
            };
        }

        return null;
    }

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

    private string? ResolveSymptom(KnowledgeBase kb)
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
        else if (Text is not null)
        {
            candidates = SymptomFinder.ForText(kb, Text);
            what = Text;
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
            Fail(DiagnoseText.NoSymptomFound, what);
            return null;
        }

        if (candidates.Count == 1 && what.Length > 0)
        {
            return candidates[0];
        }

        if (Scripted)
        {
            context.Error.MarkupLine($"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.SeveralSymptoms.Get(language), candidates[0]))}[/]");
            return candidates[0];
        }

        context.Error.MarkupLine(Markup.Escape(DiagnoseText.ChooseSymptom.Get(language)));
        for (var i = 0; i < candidates.Count; i++)
        {
            context.Error.MarkupLine($"  {(i + 1).ToString(CultureInfo.InvariantCulture)}. {Markup.Escape(kb.Symptoms[candidates[i]].Title.Get(language))} [grey]({Markup.Escape(candidates[i])})[/]");
        }

        while (true)
        {
            context.Error.Markup("> ");
            var line = context.Input.ReadLine();
            if (line is null)
            {
                return null;
            }

            if (int.TryParse(line.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= candidates.Count)
            {
                return candidates[n - 1];
            }

            if (candidates.Contains(line.Trim(), StringComparer.Ordinal))
            {
                return line.Trim();
            }
        }
    }

    private void Fail(LocalizedText text, string arg) =>
        context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, text.Get(language), arg))}[/]");

    private static T? ParseEnum<T>(string? kebab)
        where T : struct, Enum =>
        kebab is not null && Enum.TryParse<T>(kebab.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var v) ? v : null;
}
