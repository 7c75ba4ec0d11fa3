using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>
/// The compiled models of one knowledge base (one per symptom, built on first use) and the engine policies its
/// sessions share, bounded by <see cref="EnginePolicyCache.Capacity"/>. A front end keeps one per loaded
/// knowledge base and hands it to every conversation. Thread-safe.
/// </summary>
public sealed class KnowledgeModels
{
    private readonly Dictionary<string, CompiledModel> _models = new(StringComparer.Ordinal);

    public KnowledgeModels(KnowledgeBase knowledge, EngineOptions? options = null, int policyCapacity = EnginePolicyCache.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        Knowledge = knowledge;
        Options = options ?? EngineOptions.Default;
        Policies = new EnginePolicyCache(Options, policyCapacity);
    }

    public KnowledgeBase Knowledge { get; }

    public EngineOptions Options { get; }

    public EnginePolicyCache Policies { get; }

    /// <summary>The symptom's compiled model (at most one per symptom of this knowledge base).</summary>
    /// <exception cref="KeyNotFoundException">The knowledge base has no such symptom.</exception>
    public CompiledModel Model(string symptomId)
    {
        ArgumentNullException.ThrowIfNull(symptomId);
        if (!Knowledge.Symptoms.ContainsKey(symptomId))
        {
            throw new KeyNotFoundException($"no symptom '{symptomId}'");
        }

        lock (_models)
        {
            if (!_models.TryGetValue(symptomId, out var model))
            {
                model = new CompiledModel(ModelFlattener.Flatten(Knowledge, symptomId));
                _models[symptomId] = model;
            }

            return model;
        }
    }

    /// <summary>
    /// Walks the likely routes of every symptom through <see cref="Policies"/> (<see cref="RouteWarmer"/>), so that
    /// sessions started afterwards find their decisions made. A session started from a symptom or an error code
    /// begins in the state warmed here (the computer and the device's buttons a start page records choose
    /// instructions, not the engine's state); one started from pasted text may begin with facts the walk did not
    /// have. Returns how many decisions were worked out or found.
    /// </summary>
    /// <exception cref="OperationCanceledException">Stopped.</exception>
    public int Warm(CancellationToken cancellationToken = default)
    {
        var decisions = 0;
        foreach (var symptom in Knowledge.Content.Symptoms)
        {
            decisions += RouteWarmer.Warm(Policies, Model(symptom.Id), cancellationToken);
        }

        return decisions;
    }
}
