using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;

namespace Kiriwake.Core.Tests.Diagnosis;

public sealed class SessionTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replay_SameEvents_ReDerivesTheSameBelief()
    {
        var model = Fixtures.T4().Compile();
        var live = new DiagnosisSession(model);
        live.Answer("q", "no", s_t0);
        live.Answer("a2", StepAnswers.NotFixed, s_t0.AddMinutes(6));

        var resumed = new DiagnosisSession(model, events: live.Events.ToArray());

        Assert.Equal(live.Snapshot.State.Belief, resumed.Snapshot.State.Belief);
        Assert.Equal(live.Next()!.Step, resumed.Next()!.Step);
        Assert.Equal(live.Next()!.ExpectedCost, resumed.Next()!.ExpectedCost);
        Assert.Equal([0.05 / 0.23, 0, 0.18 / 0.23], resumed.Snapshot.State.Belief.Select(p => Math.Round(p, 12)).ToArray(),
            new RoundedComparer());
    }

    [Fact]
    public void Undo_LastAnswer_RestoresThePreviousStateAndIsLogged()
    {
        var model = Fixtures.T4().Compile();
        var session = new DiagnosisSession(model);
        session.Answer("q", "yes", s_t0);
        var before = session.Snapshot.State.Belief;
        session.Answer("a1", StepAnswers.NotFixed, s_t0);

        Assert.True(session.Undo(s_t0));

        Assert.Equal(before, session.Snapshot.State.Belief);
        Assert.IsType<AnswerUndone>(session.Events[^1]);
        Assert.Single(session.Snapshot.Transcript);
        Assert.True(session.Undo(s_t0));
        Assert.False(session.Undo(s_t0));
    }

    [Fact]
    public void Answer_NotAccepted_ThrowsAndLeavesTheLogUnchanged()
    {
        var session = new DiagnosisSession(Fixtures.T4().Compile());

        Assert.Throws<SessionException>(() => session.Answer("q", "perhaps", s_t0));
        Assert.Throws<SessionException>(() => session.Answer("nope", "yes", s_t0));
        Assert.Throws<SessionException>(() => session.Answer("a1", "yes", s_t0));
        Assert.Empty(session.Events);

        session.Answer("q", "yes", s_t0);
        Assert.Throws<SessionException>(() => session.Answer("q", "no", s_t0));
        Assert.Single(session.Events);
    }

    [Fact]
    public void Answer_Fixed_EndsTheSessionWithTheFix()
    {
        var session = new DiagnosisSession(Fixtures.T0().Compile());
        session.Answer("a2", StepAnswers.Fixed, s_t0);

        Assert.Equal(SessionOutcome.Fixed, session.Snapshot.Outcome);
        Assert.Equal(new StepRef(StepKind.Action, "a2"), session.Snapshot.FixedBy);
        Assert.Null(session.Next());
        Assert.Throws<SessionException>(() => session.Answer("a1", StepAnswers.NotFixed, s_t0));
    }

    [Fact]
    public void Skip_LeavesTheBeliefAndMovesOn()
    {
        var model = Fixtures.T0().Compile();
        var session = new DiagnosisSession(model);
        session.Answer("a2", StepAnswers.Skipped, s_t0);

        Assert.Equal(model.Start().Belief, session.Snapshot.State.Belief);
        Assert.Equal(new StepRef(StepKind.Action, "a1"), session.Next()!.Step);
    }

    [Fact]
    public void Fact_BoundToAQuestion_AnswersItUnlessThePersonDid()
    {
        var t4 = Fixtures.T4();
        var model = (t4 with { Questions = [t4.Questions[0] with { FactKey = "x.fact", FactAnswers = new Dictionary<string, string> { ["true"] = "yes", ["false"] = "no" } }] }).Compile();
        var session = new DiagnosisSession(model);

        session.RecordFact("x.fact", "false", "test", s_t0);

        var entry = Assert.Single(session.Snapshot.Transcript);
        Assert.Equal(AnswerSource.Fact, entry.Source);
        Assert.Equal("no", entry.Answer);
        Assert.Equal("a2", session.Next()!.Step.Id);
    }

    [Fact]
    public void GateFacts_OpenAndCloseGates()
    {
        var session = new DiagnosisSession(Fixtures.T0().Compile());
        Assert.False(session.Snapshot.Gates.BackupVerified);

        session.RecordFact(FactKeys.BackupVerified, "true", "backup", s_t0);
        session.RecordFact(FactKeys.OwnerConsent, "false", "person", s_t0);
        session.RecordFact(FactKeys.DeviceManaged, "true", "device", s_t0);

        Assert.Equal(new GateState(true, false, false, true), session.Snapshot.Gates);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
