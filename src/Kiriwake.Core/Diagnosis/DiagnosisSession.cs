namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// A live session on one model: an append-only event log, replayed after every change. Every change is checked
/// by replaying the log with it first, so the log never holds an event its model rejects.
/// </summary>
public sealed class DiagnosisSession
{
    private readonly List<SessionEvent> _events = [];
    private readonly Dictionary<GateState, EnginePolicy> _policies = [];
    private readonly EngineOptions _options;
    private readonly EnginePolicyCache? _cache;

    public DiagnosisSession(CompiledModel model, EngineOptions? options = null, IEnumerable<SessionEvent>? events = null)
        : this(model, null, options, events)
    {
    }

    /// <param name="cache">Policies shared with other sessions of the process; null: this session keeps its own.</param>
    public DiagnosisSession(CompiledModel model, EnginePolicyCache? cache, EngineOptions? options = null, IEnumerable<SessionEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _cache = cache;
        _options = options ?? EngineOptions.Default;
        _events.AddRange(events ?? []);
        Snapshot = SessionReplay.Replay(model, _events);
    }

    public CompiledModel Model { get; }

    public IReadOnlyList<SessionEvent> Events => _events;

    public SessionSnapshot Snapshot { get; private set; }

    /// <summary>The engine's policy under the current gates (one per gate state: the solver's memo depends on them).</summary>
    public EnginePolicy Policy
    {
        get
        {
            if (!_policies.TryGetValue(Snapshot.Gates, out var policy))
            {
                policy = new EnginePolicy(Model, Snapshot.Gates, _options);
                _policies[Snapshot.Gates] = policy;
            }

            return policy;
        }
    }

    /// <summary>The next step, or null when the session is over (fixed, escalated, or nothing useful is left).</summary>
    public Recommendation? Next() =>
        Snapshot.Outcome != SessionOutcome.InProgress ? null
        : _cache is not null ? _cache.Recommend(Model, Snapshot)
        : Recommender.Recommend(Policy, Snapshot.State);

    public void Answer(string stepId, string answer, DateTimeOffset at) => Append(new StepAnswered(stepId, answer, at));

    public void RecordFact(string key, string value, string source, DateTimeOffset at) => Append(new FactRecorded(key, value, source, at));

    /// <summary>Appends any event (with its actor); rejected, and the log left unchanged, when the model does not accept it.</summary>
    /// <exception cref="SessionException">The event does not fit the model.</exception>
    public void Record(SessionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Append(e);
    }

    /// <summary>Takes back the last answer; false when there is none.</summary>
    public bool Undo(DateTimeOffset at, EventActor actor = EventActor.Person, string? by = null)
    {
        if (!SessionReplay.InEffect(_events).Any(SessionReplay.IsAnswer))
        {
            return false;
        }

        Append(new AnswerUndone(at) { Actor = actor, By = by });
        return true;
    }

    private void Append(SessionEvent e)
    {
        var snapshot = SessionReplay.Replay(Model, [.. _events, e]);
        _events.Add(e);
        Snapshot = snapshot;
    }
}
