using System.Globalization;
using Kiriwake.Cli.Output;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Text;
using Kiriwake.Evidence.Logs;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>One invocation of `diagnose`: a terminal over Core's <see cref="DiagnosisConversation"/>. It chooses
/// the symptom, shows each prompt, reads answers (typed, from an answers file, or simulated), keeps the session
/// file and writes the report; every rule of the conversation is in Core.</summary>
internal sealed partial class DiagnoseRun(CliContext context, KnowledgeModels models, Language language)
{
    private readonly PromptReader _reader = new(context.Input);

    public required string Format { get; init; }

    public string? SymptomId { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>Where --text or --log led: candidate symptoms (best first) and the facts the text established.</summary>
    public DiagnosisStart? TextStart { get; init; }

    /// <summary>What the text was, for messages: "--text" or the log's file name.</summary>
    public string? TextOrigin { get; init; }

    /// <summary>Facts read by the evidence readers (the text, the device, a backup) before the session starts.</summary>
    public IReadOnlyList<Fact> EvidenceFacts { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Answers { get; init; }

    public string? SimulateCause { get; init; }

    public string? SavePath { get; init; }

    /// <summary>The session file to continue (--resume FILE, or the latest unfinished one for a bare --resume).</summary>
    public string? ResumePath { get; init; }

    public Platform? Platform { get; init; }

    public string? Family { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Device actions to offer for the steps that have one (diagnose --device); null: the person does every step.</summary>
    public Core.Actions.IDeviceActions? DeviceActions { get; init; }

    private bool Scripted => Answers is not null || SimulateCause is not null;

    private ConversationOptions Options => new()
    {
        Language = language,
        PlatformCandidates = Platform is { } p ? [p] : context.PlatformCandidates,
        AskContext = !Scripted,
        AskGates = SimulateCause is null,
    };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var kb = models.Knowledge;
        DiagnosisConversation conversation;
        string? store;
        try
        {
            if (ResumePath is not null)
            {
                var log = SessionFile.Load(ResumePath);
                if (!kb.Symptoms.ContainsKey(log.Symptom))
                {
                    Fail(DiagnoseText.NoSymptomFound, log.Symptom);
                    return ExitCodes.NotFound;
                }

                conversation = DiagnosisConversation.Resume(models, log, Options, context.Time);
                store = SavePath ?? ResumePath;
                Recap(conversation, log);
            }
            else
            {
                var symptomId = await ResolveSymptomAsync(kb, cancellationToken);
                if (symptomId is null)
                {
                    return ExitCodes.NotFound;
                }

                if (!kb.Symptoms.ContainsKey(symptomId))
                {
                    Fail(DiagnoseText.NoSymptomFound, symptomId);
                    return ExitCodes.NotFound;
                }

                var facts = Facts.ToList();
                if (Family is not null)
                {
                    facts.Add(new(FactKeys.DeviceButtonFamily, Family));
                }

                conversation = DiagnosisConversation.Start(models, symptomId, Options, context.Time, EvidenceFacts, facts);

                // An interactive session is always written down, so a crash or a closed window loses no answer.
                store = SavePath ?? (Scripted ? null : SessionFile.NewPath(context.SessionsFolder, context.Time));
                if (store is not null && SavePath is null)
                {
                    Grey(string.Format(CultureInfo.InvariantCulture, DiagnoseText.AutoSaving.Get(language), store));
                }
            }
        }
        catch (OperationCanceledException)
        {
            context.Error.MarkupLine($"[yellow]{Markup.Escape(DiagnoseText.Interrupted.Get(language))}[/]");
            return ExitCodes.Cancelled;
        }

        if (SimulateCause is not null && !conversation.Model.CauseIds.Contains(SimulateCause, StringComparer.Ordinal))
        {
            Fail(DiagnoseText.UnknownCause, SimulateCause);
            return ExitCodes.NotFound;
        }

        if (conversation.Context.Family is { } family && EvidenceFacts.Any(f => f.Key is FactKeys.DeviceProductType or FactKeys.DeviceButtonFamily))
        {
            Grey(string.Format(CultureInfo.InvariantCulture, DiagnoseText.ModelFromDevice.Get(language), ConversationText.FamilyName(family).Get(language)));
        }

        using var saver = store is null ? null : SessionStore.Open(store, context.Error, language);
        void Save() => saver?.Save(conversation.Log);

        Save();
        var renderer = new ConversationRenderer(context.Error, language, Verbose);
        var hintShown = false;
        var offered = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                var prompt = conversation.Next();
                Save();
                renderer.Render(prompt);
                if (prompt is FinishPrompt)
                {
                    break;
                }

                if (Answers is not null)
                {
                    if (!Answers.TryGetValue(prompt.Id, out var scripted))
                    {
                        if (prompt is not GatePrompt)
                        {
                            return NeedsAnswer(prompt, store);
                        }

                        // Without an answer the gate stays closed.
                        scripted = "no";
                    }

                    Echo(prompt, scripted);
                    var result = conversation.Answer(scripted);
                    if (!result.Accepted)
                    {
                        throw new FormatException(result.Message);
                    }
                }
                else if (SimulateCause is not null && prompt is StepPrompt step)
                {
                    var answer = SimulatedResponder.Answer(conversation.Model, new StepRef(step.View.Kind, step.View.StepId), SimulateCause);
                    Echo(prompt, answer);
                    conversation.Answer(answer);
                }
                else
                {
                    if (!hintShown)
                    {
                        Grey(DiagnoseText.Commands.Get(language));
                        hintShown = true;
                    }

                    // A step the tool can do, or the backup gate (making the backup there is what opens it), is offered once.
                    var offerFor = prompt switch
                    {
                        StepPrompt s => s.View.StepId,
                        GatePrompt { Gate: Gate.BackupVerified } => Evidence.DeviceTools.DeviceActions.BackupStepId,
                        _ => null,
                    };
                    if (DeviceActions is not null && offerFor is not null && offered.Add(offerFor)
                        && await new DeviceStepOffer(context, DeviceActions, language).OfferAsync(offerFor, cancellationToken) is { SessionFacts.Count: > 0 } done)
                    {
                        // What the action established is evidence: a complete, verified backup opens the backup gate.
                        conversation.RecordEvidence(done.SessionFacts);
                        Save();
                        continue;
                    }

                    if (!await AskAsync(conversation, prompt, cancellationToken))
                    {
                        Save();
                        context.Error.MarkupLine(Markup.Escape(store is null || saver is { Saving: false } ? DiagnoseText.StoppedUnsaved.Get(language)
                            : string.Format(CultureInfo.InvariantCulture, DiagnoseText.Saved.Get(language), store)));
                        WriteReport(conversation);
                        return ExitCodes.Success;
                    }
                }

                Save();
            }
        }
        catch (OperationCanceledException)
        {
            Save();
            context.Error.WriteLine();
            context.Error.MarkupLine($"[yellow]{Markup.Escape(DiagnoseText.Interrupted.Get(language))}[/]");
            if (store is not null && saver is not { Saving: false })
            {
                context.Error.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.Saved.Get(language), store)));
            }

            WriteReport(conversation);
            return ExitCodes.Cancelled;
        }

        var report = WriteReport(conversation);
        return report.Outcome == SessionOutcome.Unresolved ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <returns>false when the person stops (quit, or the input ended); true after an answer or an undo.</returns>
    private async Task<bool> AskAsync(DiagnosisConversation conversation, ConversationPrompt prompt, CancellationToken cancellationToken)
    {
        while (true)
        {
            context.Error.Markup(Markup.Escape(DiagnoseText.Prompt.Get(language)));
            var line = await _reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                context.Error.WriteLine();
                context.Error.MarkupLine($"[yellow]{Markup.Escape(DiagnoseText.InputEnded.Get(language))}[/]");
                return false;
            }

            if (IsQuit(line))
            {
                return false;
            }

            if (IsUndo(line))
            {
                context.Error.MarkupLine(Markup.Escape((conversation.Undo() ? DiagnoseText.Undone : DiagnoseText.NothingToUndo).Get(language)));
                return true;
            }

            var result = conversation.Answer(line);
            if (result.Accepted)
            {
                if (result.Message is { } note)
                {
                    Grey(note);
                }

                return true;
            }

            WrappedMarkup.WriteLine(context.Error, $"[yellow]{Markup.Escape(UntrustedText.Shorten(result.Message, CliErrors.MaxDetailChars))}[/]");
        }
    }

    private static bool IsQuit(string line) => AnswerParser.Normalize(line) is "quit" or "q" or "exit" or "中断" or "終了" or "やめる";

    private static bool IsUndo(string line) => AnswerParser.Normalize(line) is "undo" or "u" or "戻る" or "もどる" or "取り消し" or "取消" or "とりけし";

    private void Echo(ConversationPrompt prompt, string value)
    {
        var label = prompt.Choices.FirstOrDefault(c => c.Value == value)?.Label ?? value;
        Grey("> " + UntrustedText.Shorten(label, 200));
    }

    private void Recap(DiagnosisConversation conversation, SessionLog log)
    {
        if (!string.IsNullOrEmpty(log.KnowledgeVersion) && !string.IsNullOrEmpty(models.Knowledge.Version) && log.KnowledgeVersion != models.Knowledge.Version)
        {
            Grey(DiagnoseText.OlderKnowledge.Get(language));
        }

        foreach (var problem in conversation.ReplayProblems)
        {
            WrappedMarkup.WriteLine(context.Error, $"[yellow]{Markup.Escape(problem)}[/]");
        }

        var answered = conversation.Report().Transcript.Where(t => t.Source == AnswerSource.Person).ToArray();
        WrappedMarkup.WriteLine(context.Error, $"[bold]{Markup.Escape(conversation.Report().SymptomTitle)}[/]");
        WrappedMarkup.WriteLine(context.Error, Markup.Escape((answered.Length == 0 ? DiagnoseText.RecapNone : DiagnoseText.Recap).Get(language)));
        ListView.Write(context.Error, answered.Select((step, i) => ((i + 1).ToString(CultureInfo.InvariantCulture) + ".", $"{Markup.Escape(step.Title)} → {Markup.Escape(step.AnswerLabel)}")));
    }

    private int NeedsAnswer(ConversationPrompt prompt, string? store)
    {
        var title = prompt switch
        {
            StepPrompt s => s.View.Title,
            GatePrompt g => g.Question,
            PlatformPrompt p => p.Question,
            DevicePrompt d => d.Question,
            _ => prompt.Id,
        };
        if (Format == "json")
        {
            CliJson.Write(context, new NeedsAnswerJson(new NeedsAnswerStep(prompt.Id, (prompt as StepPrompt)?.View.Kind, title, prompt.Choices.Select(c => c.Value).ToArray(), prompt.Choices), store));
        }
        else
        {
            context.OutWriter.WriteLine(string.Format(CultureInfo.InvariantCulture, DiagnoseText.NeedsAnswer.Get(language), prompt.Id));
            context.OutWriter.WriteLine($"  {title}");
            context.OutWriter.WriteLine("  " + string.Format(CultureInfo.InvariantCulture, DiagnoseText.Accepts.Get(language), string.Join(" / ", prompt.Choices.Select(c => $"{c.Value} ({c.Label})"))));
        }

        return ExitCodes.NeedsAnswer;
    }

    private DiagnosisReport WriteReport(DiagnosisConversation conversation)
    {
        var report = conversation.Report();
        switch (Format)
        {
            case "json":
                CliJson.Write(context, report);
                break;
            case "markdown":
                context.OutWriter.Write(DiagnosisReportText.ToText(report, language, markdown: true, technician: Verbose));
                break;
            default:
                context.OutWriter.Write(PlainTextWrap.Wrap(DiagnosisReportText.ToText(report, language, markdown: false, technician: Verbose), context.Out.Profile.Width));
                break;
        }

        context.OutWriter.Flush();
        return report;
    }

    private void Grey(string text) => WrappedMarkup.WriteLine(context.Error, $"[grey]{Markup.Escape(text)}[/]");

    private void Fail(LocalizedText text, string arg) =>
        context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, text.Get(language), arg))}[/]");
}

/// <summary>`--answers` ran out: the prompt that needs an answer (JSON form).</summary>
internal sealed record NeedsAnswerJson(NeedsAnswerStep NeedsAnswer, string? Session);

internal sealed record NeedsAnswerStep(string Id, StepKind? Kind, string Title, IReadOnlyList<string> Accepts, IReadOnlyList<AnswerChoice> Choices);
