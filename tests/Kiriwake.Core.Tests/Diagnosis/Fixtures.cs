using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Diagnosis;

/// <summary>The worked examples of the theory reference §6.2, built in code.</summary>
internal static class Fixtures
{
    /// <summary>T0: Kadane–Simon ordering, p = (0.5, 0.3, 0.2), C = (10, 4, 5).</summary>
    public static TroubleshootingModel T0() => new(
        "t0",
        [new("k1", 0.5), new("k2", 0.3), new("k3", 0.2)],
        [Action("a1", 10, ("k1", 1.0)), Action("a2", 4, ("k2", 1.0)), Action("a3", 5, ("k3", 1.0))],
        [],
        null,
        null);

    /// <summary>T2: Jensen &amp; Nielsen's dependent, imperfect actions; the new computer as an action that fixes anything.</summary>
    public static TroubleshootingModel T2() => new(
        "t2",
        [new("program", 0.80), new("virus", 0.15), new("hardware", 0.05)],
        [
            Action("reboot", 1, ("program", 1.0)),
            Action("antivirus", 2, ("virus", 0.95)),
            Action("reinstall", 25, ("program", 0.99), ("virus", 0.99)),
            Action("new-computer", 500, ("program", 1.0), ("virus", 1.0), ("hardware", 1.0)),
        ],
        [],
        null,
        null);

    /// <summary>T2 with the new computer as the model's escalation (the service call fixes anything).</summary>
    public static TroubleshootingModel T2WithEscalation() => T2() with
    {
        Actions = T2().Actions.Where(a => a.Id != "new-computer").ToArray(),
        Escalation = new ModelEscalation("new-computer", 500),
    };

    /// <summary>T4: one question with myopic value of information.</summary>
    public static TroubleshootingModel T4() => new(
        "t4",
        [new("c1", 0.5), new("c2", 0.3), new("c3", 0.2)],
        [Action("a1", 8, ("c1", 1.0)), Action("a2", 6, ("c2", 1.0)), Action("a3", 5, ("c3", 1.0))],
        [new ModelQuestion("q", 1, [
            new ModelAnswer("yes", new Dictionary<string, double> { ["c1"] = 0.9, ["c2"] = 0.2, ["c3"] = 0.1 }),
            new ModelAnswer("no", new Dictionary<string, double> { ["c1"] = 0.1, ["c2"] = 0.8, ["c3"] = 0.9 }),
        ])],
        null,
        null);

    public static ModelAction Action(string id, double cost, params (string Cause, double P)[] fixes) =>
        new(id, cost, 0, fixes.ToDictionary(f => f.Cause, f => f.P, StringComparer.Ordinal), Risk.None, []);

    public static CompiledModel Compile(this TroubleshootingModel model) => new(model);
}
