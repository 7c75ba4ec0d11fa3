using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Diagnosis;

public sealed class FlattenerTests
{
    private static LocalizedText T(string s) => new(s, s);

    private static KnowledgeBase Kb()
    {
        var cite = new Citation("assumed", null);
        var causes = new[] { "cable", "glitch", "mdm", "elsewhere" }.Select(id => new Cause(id, CauseCategory.Connection, T(id), T(id), [])).ToArray();
        var symptom = new Symptom("s", SymptomChannel.Restore, T("s"), T("s"), [], [
            new PriorEntry("cable", 0.5, cite), new PriorEntry("glitch", 0.3, cite), new PriorEntry("mdm", 0.2, cite)],
            ["change-cable", "erase"], ["q-connected"], ["apple-support", "repair-shop", "administrator"], ["erase", "repair-shop"]);
        var actions = new[]
        {
            new TroubleshootingAction("change-cable", T("c"), T("c"), 5, null, Risk.None, [], [], null,
                [new FixEntry("cable", 0.8, cite), new FixEntry("elsewhere", 0.9, cite)]),
            new TroubleshootingAction("erase", T("e"), T("e"), 60, 10, Risk.DataLoss, [], [], ProcedureKind.Recovery, [new FixEntry("glitch", 0.95, cite)]),
        };
        var question = new Question("q-connected", T("q"), T("q"), 1, [
            new Answer("yes", T("y"), new Dictionary<string, double> { ["cable"] = 0.3 }, 0.9),
            new Answer("no", T("n"), new Dictionary<string, double> { ["cable"] = 0.7 }, 0.1)],
            new FactBinding(FactKeys.DeviceConnected, new Dictionary<string, string> { ["true"] = "yes", ["false"] = "no" }));
        var escalations = new[]
        {
            new Escalation("apple-support", EscalationKind.AppleSupport, T("a"), T("a"), 120, [], []),
            new Escalation("repair-shop", EscalationKind.RepairShop, T("r"), T("r"), 180, [], []),
            new Escalation("administrator", EscalationKind.Administrator, T("m"), T("m"), 30, ["mdm"], []),
        };
        return new KnowledgeBase(new KnowledgeContent([], causes, [symptom], actions, [question], escalations, [], [], [], [], [], [], [], [], [], [], []));
    }

    [Fact]
    public void Flatten_Symptom_BuildsItsModel()
    {
        var model = ModelFlattener.Flatten(Kb(), "s");

        Assert.Equal(["cable", "glitch", "mdm"], model.Causes.Select(c => c.Id));
        var cable = model.Actions.Single(a => a.Id == "change-cable");
        Assert.Equal(new Dictionary<string, double> { ["cable"] = 0.8 }, cable.Fixes);
        var erase = model.Actions.Single(a => a.Id == "erase");
        Assert.Equal((60.0, 10.0, Risk.DataLoss), (erase.Cost, erase.RepairCost, erase.Risk));
        var q = Assert.Single(model.Questions);
        Assert.Equal(0.9, q.Answers.Single(a => a.Id == "yes").P("glitch"));
        Assert.Equal(FactKeys.DeviceConnected, q.FactKey);
        Assert.Equal(new ModelEscalation("apple-support", 120), model.Escalation);
        var admin = model.Actions.Single(a => a.Id == "administrator");
        Assert.True(admin.IsEscalation);
        Assert.Equal(1.0, admin.FixProbability("mdm"));
        Assert.Equal(["erase", "apple-support"], model.AuthoredOrder!);
        Assert.Empty(ModelValidator.Validate(model));
    }

    [Fact]
    public void Flatten_WithFacts_AnswersBoundQuestionsAndSetsGates()
    {
        var facts = new[]
        {
            new Fact(FactKeys.DeviceConnected, "false", new FactSource(FactSourceKind.Device, "ideviceinfo"), ""),
            new Fact(FactKeys.BackupVerified, "true", new FactSource(FactSourceKind.Backup, "/b"), ""),
        };

        var flat = ModelFlattener.Flatten(Kb(), "s", facts);
        var session = new DiagnosisSession(new CompiledModel(flat.Model), events: ModelFlattener.FactEvents(facts, DateTimeOffset.UnixEpoch));

        Assert.Equal("no", flat.FactAnswers["q-connected"]);
        Assert.True(flat.Gates.BackupVerified);
        Assert.Equal(AnswerSource.Fact, Assert.Single(session.Snapshot.Transcript).Source);
        Assert.True(session.Snapshot.Gates.BackupVerified);
    }

    [Fact]
    public void Flatten_UnknownSymptom_Throws()
    {
        Assert.Throws<TroubleshootingModelException>(() => ModelFlattener.Flatten(Kb(), "nope"));
    }
}
