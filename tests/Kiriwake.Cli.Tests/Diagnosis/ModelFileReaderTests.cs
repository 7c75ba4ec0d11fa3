using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Models;

namespace Kiriwake.Cli.Tests.Diagnosis;

public sealed class ModelFileReaderTests
{
    [Fact]
    public void Parse_FullModel_ReadsEveryField()
    {
        var model = ModelFileReader.Parse("""
            id: full
            causes: [ { id: k1, prior: 0.6 }, { id: k2, prior: 0.3 }, { id: k3, prior: 0.1 } ]
            actions:
              - { id: look, cost: 2, repairCost: 30, risk: low, fixes: { k1: 0.9 } }
              - { id: erase, cost: 40, risk: data-loss, gates: [backup-verified, owner-consent], fixes: { k1: 1, k2: 1 } }
            questions:
              - id: q
                cost: 1
                fact: { key: device.connected, answers: { "true": yes, "false": no } }
                answers:
                  yes: { k1: 0.9, k2: 0.5, k3: 0.5 }
                  no: { k1: 0.1, k2: 0.5, k3: 0.5 }
            escalation: { id: admin, cost: 30, covers: [k3] }
            authoredOrder: [look, erase, admin]
            """, "full.yaml");

        var look = model.Actions.Single(a => a.Id == "look");
        Assert.Equal((2.0, 30.0, Risk.Low), (look.Cost, look.RepairCost, look.Risk));
        var erase = model.Actions.Single(a => a.Id == "erase");
        Assert.Equal([Gate.BackupVerified, Gate.OwnerConsent], erase.Gates);
        Assert.Equal(Risk.DataLoss, erase.Risk);
        Assert.Equal("device.connected", model.Questions[0].FactKey);
        Assert.Equal(0.5, model.Questions[0].Answers.Single(a => a.Id == "yes").P("k3"));
        Assert.Null(model.Escalation);
        Assert.True(model.Actions.Single(a => a.Id == "admin").IsEscalation);
        Assert.Equal(["look", "erase", "admin"], model.AuthoredOrder!);
    }

    [Fact]
    public void Parse_Json_IsYaml()
    {
        var model = ModelFileReader.Parse("""{ "causes": [ { "id": "k", "prior": 1 } ], "escalation": { "cost": 9 } }""", "m.json");

        Assert.Equal("m", model.Id);
        Assert.Equal(new ModelEscalation("escalation", 9), model.Escalation);
    }

    [Theory]
    [InlineData("causes: [ { id: k, prior: one } ]", "'prior' must be a number")]
    [InlineData("causes: [ { id: k, prior: 1 } ]\nactions: [ { id: a, cost: 1, risk: scary } ]", "'scary' is not one of")]
    [InlineData("causes: [ { id: k, prior: 1 } ]\nquestions: [ { id: q, cost: 1, answers: { y: { k: 0.7 }, n: { k: 0.2 } } } ]", "sum to 0.9")]
    [InlineData("causes: [ { id: k, prior: 1 ]", "m.yaml:1")]
    [InlineData("- just a list", "one mapping")]
    public void Parse_BadModel_Throws(string text, string expected)
    {
        var ex = Assert.Throws<TroubleshootingModelException>(() => ModelFileReader.Parse(text, "m.yaml"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
