namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// Engine policies shared by the sessions of one process (one per model and gate state), so that what the exact
/// solver and the greedy planner worked out for one session serves the next: every session of a symptom starts
/// in the same state. Thread-safe: a policy is used by one caller at a time.
/// </summary>
public sealed class EnginePolicyCache(EngineOptions? options = null)
{
    private readonly EngineOptions _options = options ?? EngineOptions.Default;
    private readonly Dictionary<(CompiledModel, GateState), EnginePolicy> _policies = [];

    /// <summary>The recommendation for a session's current state (null when it is over).</summary>
    public Recommendation? Recommend(CompiledModel model, SessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Outcome != SessionOutcome.InProgress)
        {
            return null;
        }

        var policy = Get(model, snapshot.Gates);
        lock (policy)
        {
            return Recommender.Recommend(policy, snapshot.State);
        }
    }

    public EnginePolicy Get(CompiledModel model, GateState gates)
    {
        lock (_policies)
        {
            if (!_policies.TryGetValue((model, gates), out var policy))
            {
                policy = new EnginePolicy(model, gates, _options);
                _policies[(model, gates)] = policy;
            }

            return policy;
        }
    }
}
