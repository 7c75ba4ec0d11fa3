namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// Engine policies shared by the sessions of one process (one per model and gate state), so that what the exact
/// solver and the greedy planner worked out for one session serves the next: every session of a symptom starts
/// in the same state. Bounded: when more than <see cref="Capacity"/> policies are held, the least recently used
/// one is dropped (a session that needs it again builds it anew). Thread-safe: a policy is used by one caller at
/// a time.
/// </summary>
public sealed class EnginePolicyCache
{
    /// <summary>The default bound: every symptom of the knowledge base under a few gate states.</summary>
    public const int DefaultCapacity = 256;

    private readonly EngineOptions _options;
    private readonly Dictionary<(CompiledModel, GateState), LinkedListNode<Entry>> _policies = [];
    private readonly LinkedList<Entry> _recent = new();

    public EnginePolicyCache(EngineOptions? options = null, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _options = options ?? EngineOptions.Default;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>How many policies are held now.</summary>
    public int Count
    {
        get
        {
            lock (_policies)
            {
                return _policies.Count;
            }
        }
    }

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
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gates);
        lock (_policies)
        {
            if (_policies.TryGetValue((model, gates), out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Policy;
            }

            var policy = new EnginePolicy(model, gates, _options);
            _policies[(model, gates)] = _recent.AddFirst(new Entry(model, gates, policy));
            while (_policies.Count > Capacity && _recent.Last is { } last)
            {
                _recent.RemoveLast();
                _policies.Remove((last.Value.Model, last.Value.Gates));
            }

            return policy;
        }
    }

    private sealed record Entry(CompiledModel Model, GateState Gates, EnginePolicy Policy);
}
