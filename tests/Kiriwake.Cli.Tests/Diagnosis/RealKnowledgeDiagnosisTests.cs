using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge;
using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>The engine on the real knowledge base: no simulated session of any cause of any symptom breaks a
/// gate, and the engine beats the documents' fixed orders.</summary>
public sealed class RealKnowledgeDiagnosisTests
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() => KnowledgeLoader.Load(RepoPaths.Knowledge));

    public static TheoryData<string> Symptoms()
    {
        var data = new TheoryData<string>();
        foreach (var s in s_kb.Value.Content.Symptoms)
        {
            data.Add(s.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Symptoms))]
    public void SimulatedSessions_EveryCauseWithAndWithoutBackup_NeverBreakAGate(string symptomId)
    {
        var model = new CompiledModel(ModelFlattener.Flatten(s_kb.Value, symptomId));
        (string Key, string Value)[][] factSets =
        [
            [],
            [(FactKeys.BackupVerified, "true")],
            [(FactKeys.DeviceManaged, "true"), (FactKeys.OwnerConsent, "false")],
        ];
        var sessions = 0;
        foreach (var cause in model.CauseIds)
        {
            foreach (var set in factSets)
            {
                var session = new DiagnosisSession(model);
                foreach (var (key, value) in set)
                {
                    session.RecordFact(key, value, "test", DateTimeOffset.UnixEpoch);
                }

                for (var guard = 0; session.Next() is { } rec; guard++)
                {
                    Assert.True(guard < 100, "the session does not end");
                    model.TryFindStep(rec.Step.Id, out var step);
                    if (step.Kind == StepKind.Action)
                    {
                        var action = model.Actions[step.Index];
                        var gates = session.Snapshot.Gates;
                        Assert.True(gates.Allows(action.Risk, action.Gates), $"{symptomId}/{cause}: {action.Id} proposed with a gate closed");
                        Assert.False(action.Risk == Risk.DataLoss && !gates.BackupVerified && !gates.DataLossAccepted, $"{symptomId}/{cause}: {action.Id} may erase data without a backup");
                    }

                    var answer = step.Kind == StepKind.Escalation ? StepAnswers.Escalated : SimulatedResponder.Answer(model, rec.Step, cause);
                    session.Answer(rec.Step.Id, answer, DateTimeOffset.UnixEpoch);
                }

                sessions++;
            }
        }

        Assert.Equal(model.CauseCount * factSets.Length, sessions);
    }

    [Theory]
    [MemberData(nameof(Symptoms))]
    public void Engine_SymptomWithAFixedOrder_NeverCostsMoreThanTheDocument(string symptomId)
    {
        var model = new CompiledModel(ModelFlattener.Flatten(s_kb.Value, symptomId));
        if (AuthoredOrderPolicy.ForModel(model, GateState.AllOpen) is not { } authored)
        {
            Assert.Null(s_kb.Value.Symptoms[symptomId].AuthoredOrder);
            return;
        }

        var engine = PolicyEvaluator.ExpectedCost(model, new EnginePolicy(model, GateState.AllOpen));

        Assert.True(engine <= PolicyEvaluator.ExpectedCost(model, authored) + 1e-9);
    }

    [Theory]
    [InlineData("restore-error-4013")]
    [InlineData("backup-failed-unknown")]
    [InlineData("computer-backup-fails-windows")]
    public void Engine_4013AndBackupFailure_AtLeastTenPercentBelowTheDocumentsOrder(string symptomId)
    {
        var model = new CompiledModel(ModelFlattener.Flatten(s_kb.Value, symptomId));
        var engine = PolicyEvaluator.ExpectedCost(model, new EnginePolicy(model, GateState.AllOpen));
        var authored = PolicyEvaluator.ExpectedCost(model, AuthoredOrderPolicy.ForModel(model, GateState.AllOpen)!);

        Assert.True(engine <= 0.9 * authored, $"engine {engine:0.00} min against the document's {authored:0.00} min");
    }
}
