using BenchmarkDotNet.Attributes;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Knowledge;

namespace Kiriwake.Bench.Diagnosis;

/// <summary>
/// One next-step decision on the full knowledge base (BenchmarkDotNet): a recommendation with its explanation
/// from a fresh engine (no memo carried over) at the start of the largest symptom's model, and in the middle of
/// a session after two failed steps.
/// </summary>
[MemoryDiagnoser]
public class NextStepBenchmark
{
    private CompiledModel _model = null!;
    private DiagnosisState _start = null!;
    private DiagnosisState _middle = null!;

    [Params("restore-error-4013", "backup-failed-unknown", "icloud-storage-full")]
    public string Symptom { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var kb = KnowledgeLoader.Load(Path.Combine(BenchPaths.Root(), "knowledge"));
        _model = new CompiledModel(ModelFlattener.Flatten(kb, Symptom));
        _start = _model.Start();
        var policy = new EnginePolicy(_model, GateState.Initial);
        _middle = _start;
        for (var i = 0; i < 2 && policy.Choose(_middle) is { } step; i++)
        {
            _middle = step.Kind switch
            {
                StepKind.Action => _middle.AfterFailure(step.Index),
                StepKind.Question => _middle.AfterAnswer(step.Index, 0),
                _ => _middle,
            };
        }
    }

    [Benchmark]
    public Recommendation? NextStepAtStart() => Recommender.Recommend(new EnginePolicy(_model, GateState.Initial), _start);

    [Benchmark]
    public Recommendation? NextStepMidSession() => Recommender.Recommend(new EnginePolicy(_model, GateState.Initial), _middle);
}
