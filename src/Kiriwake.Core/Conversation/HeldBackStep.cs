using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>An action not proposed because a gate does not hold, and its chance to fix the fault now.</summary>
public sealed record HeldBackStep(string ActionId, string Title, IReadOnlyList<Gate> MissingGates, double FixProbability);

/// <summary>The held-back steps of a session state, worked out in one place for the step view, the gate question and the report.</summary>
public static class HeldBack
{
    public static IReadOnlyList<HeldBackStep> Of(CompiledModel model, SessionSnapshot snapshot, Func<string, string> title)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(title);
        var held = new List<HeldBackStep>();
        for (var a = 0; a < model.ActionCount; a++)
        {
            if (snapshot.State.IsActionUsed(a) || model.IsAllowed(a, snapshot.Gates))
            {
                continue;
            }

            var id = model.ActionIds[a];
            held.Add(new HeldBackStep(id, title(id), snapshot.Gates.Missing(model.Actions[a].Risk, model.Actions[a].Gates), snapshot.State.FixProbability(a)));
        }

        return held;
    }

    public static LocalizedText GateNeed(Gate gate) => gate switch
    {
        Gate.BackupVerified => new("確認済みのバックアップが必要", "needs a verified backup"),
        Gate.OwnerConsent => new("持ち主の同意が必要", "needs the owner's consent"),
        _ => new("管理者の対応が必要(管理対象の端末)", "goes to the administrator (managed device)"),
    };

    /// <summary>"DFU restore (needs a verified backup)" in the person's language.</summary>
    public static string Describe(HeldBackStep step, Language language)
    {
        ArgumentNullException.ThrowIfNull(step);
        var sep = language == Language.Ja ? "、" : ", ";
        var open = language == Language.Ja ? "(" : " (";
        var close = language == Language.Ja ? ")" : ")";
        return step.Title + open + string.Join(sep, step.MissingGates.Select(g => GateNeed(g).Get(language))) + close;
    }
}
