using System.Collections.Concurrent;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The recommendations already worked out, shared by every session of a process and read without a lock: a
/// recommendation is a function of the model, the gate state and the observations (<see cref="StateKey"/>; the
/// belief follows from them), and people walk the same routes, so most requests find theirs here. Bounded in
/// entries: two generations of at most half the capacity each; when the newer one is full it becomes the older
/// one and the older one is dropped (an entry found in the older one is copied into the newer one, so what is in
/// use stays). Thread-safe.
/// </summary>
internal sealed class RecommendationMemo
{
    private readonly int _generationSize;
    private readonly Lock _rotation = new();
    private volatile Generations _generations;

    public RecommendationMemo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        _generationSize = capacity / 2;
        _generations = new Generations(new Generation(), new Generation());
    }

    /// <summary>At most this many recommendations are held.</summary>
    public int Capacity { get; }

    /// <summary>How many are held now (both generations; an entry may be in both).</summary>
    public int Count
    {
        get
        {
            var g = _generations;
            return g.Newer.Count + g.Older.Count;
        }
    }

    public bool TryGet(in RecommendationKey key, out Recommendation? recommendation)
    {
        var g = _generations;
        if (g.Newer.Entries.TryGetValue(key, out recommendation))
        {
            return true;
        }

        if (g.Older.Entries.TryGetValue(key, out recommendation))
        {
            Add(key, recommendation);
            return true;
        }

        return false;
    }

    public void Add(in RecommendationKey key, Recommendation? recommendation)
    {
        var g = _generations;
        if (g.Newer.TryAdd(key, recommendation) >= _generationSize)
        {
            lock (_rotation)
            {
                if (ReferenceEquals(_generations, g))
                {
                    _generations = new Generations(new Generation(), g.Newer);
                }
            }
        }
    }

    private sealed record Generations(Generation Newer, Generation Older);

    private sealed class Generation
    {
        private int _count;

        public ConcurrentDictionary<RecommendationKey, Recommendation?> Entries { get; } = new();

        public int Count => Volatile.Read(ref _count);

        /// <returns>How many entries this generation holds after the call.</returns>
        public int TryAdd(in RecommendationKey key, Recommendation? recommendation) =>
            Entries.TryAdd(key, recommendation) ? Interlocked.Increment(ref _count) : Count;
    }
}

/// <summary>What a recommendation depends on: the model (by identity: one per symptom and knowledge base), the
/// gates, and the observations. Value equality on all three.</summary>
internal readonly record struct RecommendationKey(CompiledModel Model, GateState Gates, StateKey State);
