using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>Gates are hard: over simulated sessions of every cause under every combination of gate facts, no
/// recommended action needs a gate that does not hold, however much it would save.</summary>
public sealed class GateSafetyTests
{
    /// <summary>The erase is by far the best step for k1, so only the gate can keep it out.</summary>
    private static TroubleshootingModel Gated() => new(
        "gated",
        [new("k1", 0.5), new("k2", 0.3), new("k3", 0.2)],
        [
            new ModelAction("erase", 1, 0, new Dictionary<string, double> { ["k1"] = 1, ["k2"] = 1 }, Risk.DataLoss, []),
            new ModelAction("other-device", 2, 0, new Dictionary<string, double> { ["k2"] = 1 }, Risk.High, [Gate.OwnerConsent]),
            new ModelAction("profile", 2, 0, new Dictionary<string, double> { ["k3"] = 1 }, Risk.Low, [Gate.NotManaged]),
            new ModelAction("slow-fix", 50, 0, new Dictionary<string, double> { ["k1"] = 0.9 }, Risk.None, []),
            new ModelAction("admin", 30, 0, new Dictionary<string, double> { ["k3"] = 1 }, Risk.None, [], IsEscalation: true),
        ],
        [],
        new ModelEscalation("support", 200),
        null);

    public static TheoryData<string, string, string, string> Combinations()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var cause in new[] { "k1", "k2", "k3" })
        {
            foreach (var backup in new[] { "", "true", "accept" })
            {
                foreach (var consent in new[] { "", "true", "false" })
                {
                    foreach (var managed in new[] { "", "true" })
                    {
                        data.Add(cause, backup, consent, managed);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void SimulatedSession_EveryCauseAndGateState_NeverBreaksAGate(string cause, string backup, string consent, string managed)
    {
        var model = Gated().Compile();
        var session = new DiagnosisSession(model);
        var t = DateTimeOffset.UnixEpoch;
        if (backup == "true")
        {
            session.RecordFact(FactKeys.BackupVerified, "true", "test", t);
        }
        else if (backup == "accept")
        {
            session.RecordFact(FactKeys.DataLossAccepted, "true", "test", t);
        }

        if (consent.Length > 0)
        {
            session.RecordFact(FactKeys.OwnerConsent, consent, "test", t);
        }

        if (managed.Length > 0)
        {
            session.RecordFact(FactKeys.DeviceManaged, managed, "test", t);
        }

        var proposed = new List<string>();
        while (session.Next() is { } rec)
        {
            proposed.Add(rec.Step.Id);
            Assert.True(model.TryFindStep(rec.Step.Id, out var step));
            if (step.Kind == StepKind.Action)
            {
                var action = model.Actions[step.Index];
                var gates = session.Snapshot.Gates;
                Assert.False(action.Risk == Risk.DataLoss && !(gates.BackupVerified || gates.DataLossAccepted), $"{action.Id} proposed without a backup");
                Assert.False(action.Gates.Contains(Gate.OwnerConsent) && gates.OwnerConsent == false, $"{action.Id} proposed without consent");
                Assert.False(action.Gates.Contains(Gate.NotManaged) && gates.Managed == true, $"{action.Id} proposed on a managed device");
            }

            var answer = step.Kind == StepKind.Escalation ? StepAnswers.Escalated : SimulatedResponder.Answer(model, rec.Step, cause);
            session.Answer(rec.Step.Id, answer, t);
        }

        Assert.NotEqual(SessionOutcome.InProgress, session.Snapshot.Outcome);
        if (backup.Length == 0)
        {
            Assert.DoesNotContain("erase", proposed);
        }
        else if (cause == "k1")
        {
            // Once the gate holds, the erase is what the belief and costs call for.
            Assert.Contains("erase", proposed);
        }
    }

    [Fact]
    public void Recommendation_GateClosed_ListsTheHeldBackStep()
    {
        var model = Gated().Compile();
        var rec = Recommender.Recommend(new EnginePolicy(model, GateState.Initial with { Managed = true, OwnerConsent = true }), model.Start())!;

        Assert.Contains(rec.Blocked, b => b.ActionId == "erase" && b.MissingGates.SequenceEqual([Gate.BackupVerified]));
        Assert.Contains(rec.Blocked, b => b.ActionId == "profile" && b.MissingGates.SequenceEqual([Gate.NotManaged]));
        Assert.DoesNotContain(rec.Blocked, b => b.ActionId == "other-device");
    }

    [Fact]
    public void Recommendation_NobodySaidWhoseDeviceOrWhetherManaged_KeepsBothGatesClosed()
    {
        var model = Gated().Compile();
        var rec = Recommender.Recommend(new EnginePolicy(model, GateState.Initial), model.Start())!;

        Assert.Contains(rec.Blocked, b => b.ActionId == "other-device" && b.MissingGates.SequenceEqual([Gate.OwnerConsent]));
        Assert.Contains(rec.Blocked, b => b.ActionId == "profile" && b.MissingGates.SequenceEqual([Gate.NotManaged]));
    }

    [Theory]
    [InlineData("self", true)]
    [InlineData("other", false)]
    [InlineData("organisation", false)]
    public void FromFacts_DeviceOwner_OpensOwnerConsentOnlyForTheirOwnDevice(string owner, bool holds)
    {
        var gates = GateState.FromFacts(new Dictionary<string, string> { [FactKeys.DeviceOwner] = owner });

        Assert.Equal(holds, gates.Holds(Gate.OwnerConsent));
    }

    [Fact]
    public void FromFacts_OwnerConsentGivenForSomeoneElsesDevice_OpensTheGate()
    {
        var gates = GateState.FromFacts(new Dictionary<string, string> { [FactKeys.DeviceOwner] = "other", [FactKeys.OwnerConsent] = "true" });

        Assert.True(gates.Holds(Gate.OwnerConsent));
    }
}
