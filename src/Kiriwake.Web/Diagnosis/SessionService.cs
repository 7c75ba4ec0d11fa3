using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Diagnosis;

/// <summary>What a new session starts from (the API's request body; the start page fills the same record).</summary>
public sealed record StartRequest(string? Symptom, string? ErrorCode, string? Text, string? Lang, string? Family, string? Platform);

/// <summary>A start that names nothing the knowledge base knows; the text says what to do instead.</summary>
public sealed class StartRejectedException(LocalizedText text, string detail) : Exception(detail)
{
    public LocalizedText Text { get; } = text;
}

/// <summary>An answer the current prompt does not offer, an undo with nothing to take back, or a finished session.</summary>
public sealed class AnswerRejectedException(string message) : Exception(message);

/// <summary>
/// Sessions end to end on the conversation library: start, replay from the store, answer, undo, add evidence.
/// Holds no session in memory: every call reads the log, so any process serves any request.
/// </summary>
public sealed class SessionService(KnowledgeModels models, SessionStore store, TimeProvider time, KiriwakeWebOptions options)
{
    public KnowledgeBase Knowledge => models.Knowledge;

    /// <exception cref="StartRejectedException">Nothing given, an unknown symptom or code, or text that matches nothing.</exception>
    public async Task<WebSession> StartAsync(StartRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (symptomId, evidence) = Resolve(request);
        var personFacts = new List<KeyValuePair<string, string>>();
        if (KebabNames.ParseFamily(request.Family) is { } family)
        {
            personFacts.Add(new(FactKeys.DeviceButtonFamily, KebabNames.Of(family)));
        }

        if (KebabNames.ParsePlatform(request.Platform) is { } platform)
        {
            personFacts.Add(new(FactKeys.ComputerPlatform, KebabNames.Of(platform)));
        }

        var conversation = DiagnosisConversation.Start(models, symptomId, Options(language), time, evidence, personFacts);
        var prompt = conversation.Next();
        var now = time.GetUtcNow();
        var row = new SessionRow
        {
            Id = SessionIds.New(),
            SymptomId = symptomId,
            Language = LanguageCodes.Of(language),
            Log = SessionLogCodec.Encode(conversation.Log),
            EventCount = conversation.Events.Count,
            CreatedAt = now,
            ExpiresAt = now + options.SessionLifetime,
        };
        await store.CreateAsync(row, cancellationToken);
        return new WebSession(row, conversation, prompt);
    }

    /// <summary>The session replayed in <paramref name="language"/> (null: the language it was started in).</summary>
    public async Task<WebSession?> LoadAsync(string id, Language? language, CancellationToken cancellationToken)
    {
        var row = await store.LoadAsync(id, cancellationToken);
        return row is null ? null : Resume(row, language);
    }

    /// <summary>The session replayed from a row read earlier (kept by this process), or null when it has expired. The
    /// row may be behind the store: a change saved from it names its version, and the store refuses it if another
    /// request wrote since (<see cref="SessionConflictException"/>).</summary>
    public WebSession? ResumeKept(SessionRow row, Language? language)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ExpiresAt <= time.GetUtcNow() ? null : Resume(row, language);
    }

    private WebSession Resume(SessionRow row, Language? language)
    {
        var started = time.GetTimestamp();
        var log = SessionLogCodec.Decode(row.Log, "session");
        var conversation = DiagnosisConversation.Resume(models, log, Options(language ?? LanguageOf(row)), time);
        var prompt = conversation.Next();
        return new WebSession(row, conversation, prompt) { DecideTime = time.GetElapsedTime(started) };
    }

    public static Language LanguageOf(SessionRow row) => ParseLanguage(row?.Language) ?? Language.Ja;

    public static Language? ParseLanguage(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "JA" => Language.Ja,
        "EN" => Language.En,
        _ => null,
    };

    /// <summary>Answers the current prompt with one of the values it offers.</summary>
    /// <exception cref="AnswerRejectedException">The session is over, the step is not current, or the value not offered.</exception>
    /// <exception cref="SessionConflictException">Another request answered first.</exception>
    public async Task<WebSession> AnswerAsync(WebSession session, string stepId, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var prompt = session.Prompt;
        if (prompt is FinishPrompt)
        {
            throw new AnswerRejectedException("This session is finished; it takes no more answers.");
        }

        if (!string.Equals(stepId, prompt.Id, StringComparison.Ordinal))
        {
            throw new AnswerRejectedException($"Step '{stepId}' is not the current step; the current step is '{prompt.Id}'.");
        }

        if (!prompt.Choices.Any(c => string.Equals(c.Value, value, StringComparison.Ordinal)))
        {
            throw new AnswerRejectedException($"'{value}' is not an answer to step '{stepId}'; it takes {string.Join(", ", prompt.Choices.Select(c => $"'{c.Value}'"))}.");
        }

        var result = session.Conversation.Answer(value, EventActor.Person);
        if (!result.Accepted)
        {
            throw new AnswerRejectedException(result.Message ?? "answer not accepted");
        }

        return await SaveAsync(session, cancellationToken);
    }

    /// <exception cref="AnswerRejectedException">Nothing to take back.</exception>
    public async Task<WebSession> UndoAsync(WebSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);

        // The hand-over to an escalation is recorded by the conversation itself, not by the person: taking back
        // the person's last answer means taking back that hand-over too.
        if (session.Prompt is FinishPrompt { Outcome: SessionOutcome.Escalated })
        {
            session.Conversation.Undo();
        }

        if (!session.Conversation.Undo())
        {
            throw new AnswerRejectedException("There is no answer to take back.");
        }

        return await SaveAsync(session, cancellationToken);
    }

    /// <summary>Adds facts read by an evidence reader (a verified local backup, the device) to the session's log.</summary>
    public async Task<WebSession> AddEvidenceAsync(WebSession session, IEnumerable<Fact> facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(facts);
        var now = time.GetUtcNow();
        var log = session.Conversation.Log;
        var added = facts.Select(f => (SessionEvent)new FactRecorded(f.Key, f.Value, Source(f), now) { Actor = EventActor.EvidenceReader });
        var resumed = DiagnosisConversation.Resume(models, log with { Events = [.. log.Events, .. added] }, Options(session.Conversation.Language), time);
        return await SaveAsync(new WebSession(session.Row, resumed, resumed.Next()), cancellationToken);
    }

    private async Task<WebSession> SaveAsync(WebSession session, CancellationToken cancellationToken)
    {
        // Next() may record the hand-over to an escalation: ask it before storing, so the log holds it.
        var prompt = session.Conversation.Next();
        var readCount = session.Row.EventCount;
        if (session.Conversation.Events.Count == readCount)
        {
            return new WebSession(session.Row, session.Conversation, prompt); // nothing new to store
        }

        var row = new SessionRow
        {
            Id = session.Row.Id,
            SymptomId = session.Row.SymptomId,
            Language = session.Row.Language,
            Log = SessionLogCodec.Encode(session.Conversation.Log),
            EventCount = session.Conversation.Events.Count,
            CreatedAt = session.Row.CreatedAt,
            ExpiresAt = time.GetUtcNow() + options.SessionLifetime,
        };
        await store.SaveLogAsync(row, readCount, cancellationToken);
        return new WebSession(row, session.Conversation, prompt);
    }

    private static ConversationOptions Options(Language language) => new() { Language = language, Actor = EventActor.Person };

    private static string Source(Fact fact) => fact.Source.Kind switch
    {
        FactSourceKind.Log => "log:" + fact.Source.Origin + " " + fact.Detail,
        FactSourceKind.Device => "device:" + fact.Source.Origin,
        FactSourceKind.Backup => "backup:" + fact.Source.Origin,
        _ => "person:" + fact.Source.Origin,
    };

    private (string SymptomId, IReadOnlyList<Fact> Evidence) Resolve(StartRequest request)
    {
        var kb = models.Knowledge;
        if (!string.IsNullOrWhiteSpace(request.Symptom))
        {
            return kb.Symptoms.ContainsKey(request.Symptom.Trim())
                ? (request.Symptom.Trim(), [])
                : throw new StartRejectedException(WebText.NoMatch, $"Unknown symptom '{request.Symptom}'.");
        }

        if (!string.IsNullOrWhiteSpace(request.ErrorCode))
        {
            IReadOnlyList<string> found;
            try
            {
                found = SymptomFinder.ForCode(kb, request.ErrorCode.Trim().Trim('(', ')', '（', '）'));
            }
            catch (FormatException)
            {
                found = [];
            }

            return found.Count > 0
                ? (found[0], [])
                : throw new StartRejectedException(WebText.CodeUnknown, $"Unknown error code '{request.ErrorCode}'.");
        }

        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var start = LogDiagnosis.FromText(request.Text, kb, "text");
            return start.Candidates.Count > 0
                ? (start.Candidates[0].SymptomId, start.Facts)
                : throw new StartRejectedException(WebText.NoMatch, "The text matches no known message or error code.");
        }

        throw new StartRejectedException(WebText.NothingChosen, "Give one of symptom, errorCode or text.");
    }
}
