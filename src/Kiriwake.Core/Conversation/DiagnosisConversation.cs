using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>
/// One diagnosis as a conversation, the same for every front end: <see cref="Next"/> says what to ask (a step, a
/// gate question before ending, the platform or the device's model when a step needs them) or that it is over;
/// <see cref="Answer"/> takes what the person typed; <see cref="Undo"/> takes back the last answer, a gate answer
/// and the facts it recorded included. The session is its event log (<see cref="Log"/>): evidence facts first, then
/// the person's stated facts, then answers; any process rebuilds it with <see cref="Resume"/>.
/// </summary>
public sealed partial class DiagnosisConversation
{
    /// <summary>The source of the facts gate answers record ("gate:backup-verified"); also marks the gate as asked.</summary>
    public const string GateSourcePrefix = "gate:";

    /// <summary>The value recorded when the person does not know their platform or model (they are not asked again).</summary>
    public const string UnknownValue = "unknown";

    private readonly DiagnosisSession _session;
    private readonly ConversationOptions _options;
    private readonly TimeProvider _time;
    private readonly StepViewBuilder _views;
    private readonly string? _legacyPlatform;
    private readonly string? _legacyFamily;

    private DiagnosisConversation(KnowledgeModels models, string symptomId, ConversationOptions options, TimeProvider time,
        IEnumerable<SessionEvent> events, string? legacyPlatform, string? legacyFamily, IReadOnlyList<string> replayProblems)
    {
        Models = models;
        SymptomId = symptomId;
        _options = options;
        _time = time;
        _views = new StepViewBuilder(models.Knowledge, options.Language);
        _session = new DiagnosisSession(models.Model(symptomId), models.Policies, models.Options, events);
        _legacyPlatform = legacyPlatform;
        _legacyFamily = legacyFamily;
        ReplayProblems = replayProblems;
    }

    public KnowledgeModels Models { get; }

    public KnowledgeBase Knowledge => Models.Knowledge;

    public string SymptomId { get; }

    public Language Language => _options.Language;

    public CompiledModel Model => _session.Model;

    public SessionSnapshot Snapshot => _session.Snapshot;

    public IReadOnlyList<SessionEvent> Events => _session.Events;

    public StepViewBuilder Views => _views;

    /// <summary>Answers of a resumed log that the current knowledge base no longer takes, in the person's words.</summary>
    public IReadOnlyList<string> ReplayProblems { get; }

    /// <summary>Starts a session: the evidence's facts are recorded first and the person's own facts after them, so
    /// that the person can correct what a reader found (the last value of a fact wins).</summary>
    /// <exception cref="KeyNotFoundException">No such symptom.</exception>
    public static DiagnosisConversation Start(KnowledgeModels models, string symptomId, ConversationOptions options, TimeProvider time,
        IEnumerable<Fact>? evidence = null, IEnumerable<KeyValuePair<string, string>>? personFacts = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var conversation = new DiagnosisConversation(models, symptomId, options, time, [], null, null, []);
        foreach (var fact in evidence ?? [])
        {
            conversation._session.Record(new FactRecorded(fact.Key, fact.Value, SourceLabel(fact), time.GetUtcNow())
            {
                Actor = fact.Source.Kind == FactSourceKind.Person ? options.Actor : EventActor.EvidenceReader,
            });
        }

        foreach (var (key, value) in personFacts ?? [])
        {
            conversation._session.Record(new FactRecorded(key, value, "person:--fact", time.GetUtcNow()) { Actor = options.Actor });
        }

        return conversation;
    }

    /// <summary>Records facts that evidence established during the session — a device action's result (a verified
    /// backup, recovery mode entered, a failed backup's error code) — as the evidence reader's, like those at the start.</summary>
    public void RecordEvidence(IEnumerable<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var fact in facts)
        {
            _session.Record(new FactRecorded(fact.Key, fact.Value, SourceLabel(fact), _time.GetUtcNow())
            {
                Actor = fact.Source.Kind == FactSourceKind.Person ? _options.Actor : EventActor.EvidenceReader,
            });
        }
    }

    /// <summary>Rebuilds a session from its log. Answers the current knowledge base no longer takes (a step removed,
    /// an answer renamed) are left out and listed in <see cref="ReplayProblems"/>, never thrown.</summary>
    /// <exception cref="KeyNotFoundException">The log's symptom is not in the knowledge base.</exception>
    public static DiagnosisConversation Resume(KnowledgeModels models, SessionLog log, ConversationOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var model = models.Model(log.Symptom);
        var kept = new List<SessionEvent>();
        var problems = new List<string>();
        foreach (var e in log.Events)
        {
            try
            {
                SessionReplay.Replay(model, [.. kept, e]);
                kept.Add(e);
            }
            catch (SessionException)
            {
                var step = e is StepAnswered a ? models.Knowledge.StepTitle(a.StepId)?.Get(options.Language) ?? a.StepId : e.GetType().Name;
                problems.Add(string.Format(CultureInfo.InvariantCulture, ConversationText.StepMissing.Get(options.Language), step));
            }
        }

        return new DiagnosisConversation(models, log.Symptom, options, time, kept, log.Platform, log.Family, problems);
    }

    /// <summary>The session as a log to save (the knowledge base's version, the platform and model for reading, the events).</summary>
    public SessionLog Log
    {
        get
        {
            var context = Context;
            return new SessionLog(SymptomId, Knowledge.Version, context.Platform is { } p ? KebabNames.Of(p) : null,
                context.Family is { } f ? KebabNames.Of(f) : null, Events);
        }
    }

    /// <summary>The platform and model family as far as they are known.</summary>
    public ConversationContext Context
    {
        get
        {
            var facts = Snapshot.Facts;
            var platform = KebabNames.ParsePlatform(facts.GetValueOrDefault(FactKeys.ComputerPlatform))
                ?? (facts.ContainsKey(FactKeys.ComputerPlatform) ? null : KebabNames.ParsePlatform(_legacyPlatform));
            // A question whose answers are the platforms ("Which computer and app?") tells it too.
            platform ??= Snapshot.Transcript.Select(t => KebabNames.ParsePlatform(t.Answer)).LastOrDefault(p => p is { } q && StepViewBuilder.IsComputer(q));
            var candidates = _options.PlatformCandidates;
            if (platform is null && candidates.Count == 1)
            {
                platform = candidates[0];
            }

            var family = KebabNames.ParseFamily(facts.GetValueOrDefault(FactKeys.DeviceButtonFamily))
                ?? (facts.TryGetValue(FactKeys.DeviceProductType, out var productType) ? ButtonFamilyRule.FromProductType(productType) : null)
                ?? (facts.ContainsKey(FactKeys.DeviceButtonFamily) ? null : KebabNames.ParseFamily(_legacyFamily));
            return new ConversationContext(platform, candidates, family);
        }
    }

    /// <summary>How many steps the person has answered (the next step's number is one more).</summary>
    public int AnsweredSteps => Snapshot.Transcript.Count(t => t.Source == AnswerSource.Person);

    /// <summary>What to ask next. When the engine hands over, the escalation is recorded here (the person does not
    /// answer it) and the finish returned; calling again returns the same finish.</summary>
    public ConversationPrompt Next()
    {
        var snapshot = Snapshot;
        if (snapshot.Outcome != SessionOutcome.InProgress)
        {
            return Finish();
        }

        var rec = _session.Next();
        var handOver = rec is not null && Model.TryFindStep(rec.Step.Id, out var choice) && choice.Kind == StepKind.Escalation;
        if ((rec is null || handOver) && _options.AskGates && PendingGate() is { } gate)
        {
            return gate;
        }

        if (rec is null)
        {
            return new FinishPrompt(SessionOutcome.Unresolved, null);
        }

        if (handOver)
        {
            _session.Record(new StepAnswered(rec.Step.Id, StepAnswers.Escalated, _time.GetUtcNow()) { Actor = _options.Actor, By = _options.By });
            return Finish();
        }

        if (_options.AskContext && ContextPrompt(rec.Step.Id) is { } context)
        {
            return context;
        }

        var view = _views.Build(Model, rec.Step, AnsweredSteps + 1, Context, HeldBackSteps());
        return new StepPrompt(view, Technician(rec));
    }

    /// <summary>Answers the current prompt with what the person typed (a number, はい/いいえ, yes/no, the label, or
    /// the choice's value; for the device, a model name too). Not accepted: nothing is recorded and the result says why.</summary>
    public AnswerResult Answer(string input, EventActor? actor = null)
    {
        var prompt = Next();
        var who = actor ?? _options.Actor;
        var at = _time.GetUtcNow();
        if (prompt is FinishPrompt)
        {
            return AnswerResult.Rejected(ConversationText.SessionOver.Get(Language));
        }

        if (prompt is DevicePrompt && AnswerParser.Parse(input, prompt.Choices) is null)
        {
            return AnswerDevice(input, who, at);
        }

        if (AnswerParser.Parse(input, prompt.Choices) is not { } chosen)
        {
            var list = string.Join(" / ", prompt.Choices.Select((c, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {c.Label}"));
            return AnswerResult.Rejected(string.Format(CultureInfo.InvariantCulture, ConversationText.NotAccepted.Get(Language), input.Trim(), list));
        }

        switch (prompt)
        {
            case StepPrompt step:
                _session.Record(new StepAnswered(step.View.StepId, chosen.Value, at) { Actor = who, By = _options.By });
                break;
            case GatePrompt gate:
                var (key, value) = GateFact(gate.Gate, chosen.Value);
                _session.Record(new FactRecorded(key, value, GateSourcePrefix + gate.Id, at) { Actor = who, By = _options.By, IsAnswer = true });
                break;
            case PlatformPrompt:
                _session.Record(new FactRecorded(FactKeys.ComputerPlatform, chosen.Value, "person", at) { Actor = who, By = _options.By, IsAnswer = true });
                break;
            default:
                _session.Record(new FactRecorded(FactKeys.DeviceButtonFamily, chosen.Value, "person", at) { Actor = who, By = _options.By, IsAnswer = true });
                break;
        }

        return new AnswerResult(true, null, chosen.Value);
    }

    /// <summary>Takes back the last answer (a step, a gate, the platform or the model, with the facts it recorded).</summary>
    /// <returns>false when there is nothing to take back.</returns>
    public bool Undo() => _session.Undo(_time.GetUtcNow(), _options.Actor, _options.By);

    /// <summary>The report of the session as it stands.</summary>
    public DiagnosisReport Report() => DiagnosisReport.Build(this, _time.GetUtcNow());

    /// <summary>The actions held back by a gate now, with their chance to fix the fault.</summary>
    public IReadOnlyList<HeldBackStep> HeldBackSteps() => HeldBack.Of(Model, Snapshot, _views.Title);

    /// <summary>The outcome as a front end reports it: unresolved when nothing useful is left and no gate can open.</summary>
    public SessionOutcome Outcome => Snapshot.Outcome != SessionOutcome.InProgress ? Snapshot.Outcome
        : Next() is FinishPrompt f ? f.Outcome : SessionOutcome.InProgress;

    private static string SourceLabel(Fact fact) => fact.Source.Kind switch
    {
        FactSourceKind.Log => "log:" + fact.Source.Origin + " " + fact.Detail,
        FactSourceKind.Device => "device:" + fact.Source.Origin + " (" + fact.Detail + ")",
        FactSourceKind.Backup => "backup:" + fact.Source.Origin,
        _ => "person:" + fact.Source.Origin,
    };
}
