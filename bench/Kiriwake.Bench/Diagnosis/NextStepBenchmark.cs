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
    private SessionSnapshot _middleSnapshot = null!;
    private EnginePolicyCache _shared = null!;

    // The largest model (greedy at the start), a 15-item one, a 12-item one (exact solver at the start, cold)
    // and a small one.
    [Params("restore-error-4013", "backup-failed-unknown", "backup-slow-or-stuck", "icloud-storage-full")]
    public string Symptom { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var kb = KnowledgeLoader.Load(Path.Combine(BenchPaths.Root(), "knowledge"));
        _model = new CompiledModel(ModelFlattener.Flatten(kb, Symptom));
        _start = _model.Start();
        var session = new DiagnosisSession(_model);
        for (var i = 0; i < 2 && session.Next() is { } rec && rec.Step.Kind != StepKind.Escalation; i++)
        {
            var answer = FirstAnswer(rec.Step);
            session.Answer(rec.Step.Id, answer, DateTimeOffset.UnixEpoch);
        }

        _middle = session.Snapshot.State;
        _middleSnapshot = session.Snapshot;
        _shared = new EnginePolicyCache();
        _shared.Recommend(_model, _middleSnapshot);
    }

    /// <summary>Two steps into a session: a question answered with its first answer, an action that failed.</summary>
    private string FirstAnswer(StepRef step) =>
        _model.TryFindStep(step.Id, out var c) && c.Kind == StepKind.Question ? _model.AnswerIds[c.Index][0] : StepAnswers.NotFixed;

    [Benchmark]
    public Recommendation? NextStepAtStart() => Recommender.Recommend(new EnginePolicy(_model, GateState.Initial), _start);

    [Benchmark]
    public Recommendation? NextStepMidSession() => Recommender.Recommend(new EnginePolicy(_model, GateState.Initial), _middle);

    /// <summary>A process that keeps its engines (<see cref="EnginePolicyCache"/>): what earlier sessions solved is reused.</summary>
    [Benchmark]
    public Recommendation? NextStepMidSessionShared() => _shared.Recommend(_model, _middleSnapshot);
}
