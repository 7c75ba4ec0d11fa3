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

    public DiagnosisSession(CompiledModel model, EngineOptions? options = null, IEnumerable<SessionEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
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
        Snapshot.Outcome == SessionOutcome.InProgress ? Recommender.Recommend(Policy, Snapshot.State) : null;

    public void Answer(string stepId, string answer, DateTimeOffset at) => Append(new StepAnswered(stepId, answer, at));

    public void RecordFact(string key, string value, string source, DateTimeOffset at) => Append(new FactRecorded(key, value, source, at));

    /// <summary>Takes back the last answer; false when there is none.</summary>
    public bool Undo(DateTimeOffset at)
    {
        if (!_events.OfType<StepAnswered>().Any() || Snapshot.Transcript.All(t => t.Source != AnswerSource.Person))
        {
            return false;
        }

        Append(new AnswerUndone(at));
        return true;
    }

    private void Append(SessionEvent e)
    {
        var snapshot = SessionReplay.Replay(Model, [.. _events, e]);
        _events.Add(e);
        Snapshot = snapshot;
    }
}
