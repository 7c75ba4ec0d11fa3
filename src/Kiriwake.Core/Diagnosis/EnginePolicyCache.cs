using System.Collections.Concurrent;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// Engine policies shared by the sessions of one process (one per model and gate state), so that what the exact
/// solver and the greedy planner worked out for one session serves the next: every session of a symptom starts
/// in the same state. Bounded: when more than <see cref="Capacity"/> policies are held, the least recently used
/// one is dropped (a session that needs it again builds it anew). Thread-safe: a policy is used by one caller at
/// a time; the recommendations it gave are kept (<see cref="RecommendationCapacity"/> of them) and read by any
/// number of callers at once, so sessions on a route already walked never wait for each other.
/// </summary>
public sealed class EnginePolicyCache
{
    /// <summary>The default bound: every symptom of the knowledge base under a few gate states.</summary>
    public const int DefaultCapacity = 256;

    /// <summary>The default bound of kept recommendations (a few kilobytes of memory per hundred).</summary>
    public const int DefaultRecommendationCapacity = 16_384;

    private readonly EngineOptions _options;
    private readonly Dictionary<(CompiledModel, GateState), LinkedListNode<Entry>> _policies = [];
    private readonly LinkedList<Entry> _recent = new();
    private readonly RecommendationMemo _recommendations;
    private readonly ConcurrentDictionary<RecommendationKey, Lazy<Recommendation?>> _pending = new();

    public EnginePolicyCache(EngineOptions? options = null, int capacity = DefaultCapacity, int recommendationCapacity = DefaultRecommendationCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _options = options ?? EngineOptions.Default;
        Capacity = capacity;
        _recommendations = new RecommendationMemo(recommendationCapacity);
    }

    public int Capacity { get; }

    /// <summary>At most this many recommendations are kept.</summary>
    public int RecommendationCapacity => _recommendations.Capacity;

    /// <summary>How many recommendations are kept now.</summary>
    public int RecommendationCount => _recommendations.Count;

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

        if (!ReferenceEquals(snapshot.State.Model, model))
        {
            throw new ArgumentException("The session's state is not of this model.", nameof(snapshot));
        }

        var key = new RecommendationKey(model, snapshot.Gates, snapshot.State.Key);
        if (_recommendations.TryGet(key, out var known))
        {
            return known;
        }

        // Sessions walking the same route reach a new state together: one of them works it out, the others wait for
        // that one result instead of taking turns on the policy to work it out again each.
        var state = snapshot.State;
        var pending = _pending.GetOrAdd(key, k => new Lazy<Recommendation?>(() => Solve(k, state), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return pending.Value;
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<RecommendationKey, Lazy<Recommendation?>>(key, pending));
        }
    }

    private Recommendation? Solve(RecommendationKey key, DiagnosisState state)
    {
        if (_recommendations.TryGet(key, out var known))
        {
            return known; // worked out while this caller was on its way here
        }

        var policy = Get(key.Model, key.Gates);
        Recommendation? recommendation;
        lock (policy)
        {
            recommendation = Recommender.Recommend(policy, state);
        }

        _recommendations.Add(key, recommendation);
        return recommendation;
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
