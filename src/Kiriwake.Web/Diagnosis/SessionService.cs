using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Diagnosis;

/// <summary>What a new session starts from (the API's request body; the start page fills the same record).</summary>
public sealed record StartRequest(string? Symptom, string? ErrorCode, string? Text, string? Lang, string? Family, string? Platform);

/// <summary>A start that names no symptom the knowledge base knows; the message says what to do instead.</summary>
public sealed class StartRejectedException(LocalizedText message, string detail) : Exception(detail)
{
    public LocalizedText Text { get; } = message;
}

/// <summary>
/// Sessions end to end: resolve how a session starts, replay a session from the store, check and append answers.
/// Holds no session in memory: every call reads the log, so any process serves any request.
/// </summary>
public sealed class SessionService(KnowledgeHost host, SessionStore store, TimeProvider time, KiriwakeWebOptions options)
{
    public const string PersonActor = "person";

    public KnowledgeBase Knowledge => host.Knowledge;

    /// <exception cref="StartRejectedException">Nothing given, an unknown symptom or code, or text that matches nothing.</exception>
    public async Task<Conversation> StartAsync(StartRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (symptomId, facts, origin) = Resolve(request);
        var now = time.GetUtcNow();
        var row = new SessionRow
        {
            Id = SessionIds.New(),
            SymptomId = symptomId,
            Language = language == Language.Ja ? "ja" : "en",
            Family = Names.ParseFamily(request.Family) is { } f ? Names.Family(f) : null,
            Platform = Names.ParsePlatform(request.Platform) is { } p ? Names.Platform(p) : null,
            CreatedAt = now,
            ExpiresAt = now + options.SessionLifetime,
        };
        var events = new List<SessionEventRow>();
        var conversation = new Conversation(host, row);
        foreach (var fact in facts)
        {
            var rows = conversation.Fact(fact.Key, fact.Value, origin + " " + fact.Detail, "evidence:text", now);
            events.AddRange(rows);
            row.Events.AddRange(rows);
            conversation = new Conversation(host, row);
        }

        row.Events = [];
        await store.CreateAsync(row, events, cancellationToken);
        return conversation;
    }

    public async Task<Conversation?> LoadAsync(string id, CancellationToken cancellationToken) =>
        await store.LoadAsync(id, cancellationToken) is { } row ? new Conversation(host, row) : null;

    /// <exception cref="AnswerRejectedException">The answer is not offered now.</exception>
    /// <exception cref="SessionConflictException">Another request answered first.</exception>
    public Task<Conversation> AnswerAsync(Conversation conversation, string stepId, string answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return AppendAsync(conversation, conversation.Answer(stepId, answer, PersonActor, time.GetUtcNow()), cancellationToken);
    }

    public Task<Conversation> UndoAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return AppendAsync(conversation, conversation.Undo(PersonActor, time.GetUtcNow()), cancellationToken);
    }

    public Task<Conversation> RecordFactAsync(Conversation conversation, string key, string value, string source, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return AppendAsync(conversation, conversation.Fact(key, value, source, actor, time.GetUtcNow()), cancellationToken);
    }

    public StepPresenter Presenter(Conversation conversation, Language language)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var family = Names.ParseFamily(conversation.Row.Family)
            ?? Names.ParseFamily(conversation.Snapshot.Facts.GetValueOrDefault(FactKeys.DeviceButtonFamily));
        return new StepPresenter(host.Knowledge, language, family, Names.ParsePlatform(conversation.Row.Platform));
    }

    private async Task<Conversation> AppendAsync(Conversation conversation, IReadOnlyList<SessionEventRow> events, CancellationToken cancellationToken)
    {
        var row = conversation.Row;
        await store.AppendAsync(row, events, time.GetUtcNow() + options.SessionLifetime, cancellationToken);
        return new Conversation(host, row);
    }

    private (string SymptomId, IReadOnlyList<Fact> Facts, string Origin) Resolve(StartRequest request)
    {
        var kb = host.Knowledge;
        if (!string.IsNullOrWhiteSpace(request.Symptom))
        {
            return kb.Symptoms.ContainsKey(request.Symptom.Trim())
                ? (request.Symptom.Trim(), [], "")
                : throw new StartRejectedException(WebText.NoMatch, $"unknown symptom '{request.Symptom}'");
        }

        if (!string.IsNullOrWhiteSpace(request.ErrorCode))
        {
            var found = SymptomLookup.ForCode(kb, request.ErrorCode);
            return found is { Count: > 0 }
                ? (found[0], [], "")
                : throw new StartRejectedException(WebText.CodeUnknown, $"unknown error code '{request.ErrorCode}'");
        }

        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var start = LogDiagnosis.FromText(request.Text, kb, "text");
            return start.Candidates.Count > 0
                ? (start.Candidates[0].SymptomId, start.Facts, "text:")
                : throw new StartRejectedException(WebText.NoMatch, "the text matches no known message or error code");
        }

        throw new StartRejectedException(WebText.NothingChosen, "give one of symptom, errorCode or text");
    }
}
