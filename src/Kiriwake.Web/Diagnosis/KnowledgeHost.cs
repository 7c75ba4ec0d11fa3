using System.Collections.Concurrent;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge;

namespace Kiriwake.Web.Diagnosis;

/// <summary>
/// The knowledge base of this process, loaded once, with one compiled model per symptom and one policy cache:
/// every request replays its session's log against these shared, read-only parts.
/// </summary>
public sealed class KnowledgeHost
{
    private readonly ConcurrentDictionary<string, CompiledModel> _models = new(StringComparer.Ordinal);

    public KnowledgeHost(KnowledgeBase knowledge)
    {
        Knowledge = knowledge;
        Policies = new EnginePolicyCache();
    }

    public KnowledgeBase Knowledge { get; }

    public EnginePolicyCache Policies { get; }

    public static KnowledgeHost Load(string directory) => new(KnowledgeLoader.Load(directory));

    public CompiledModel Model(string symptomId) =>
        _models.GetOrAdd(symptomId, id => new CompiledModel(ModelFlattener.Flatten(Knowledge, id)));
}
