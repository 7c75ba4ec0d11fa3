namespace Kiriwake.Core.Knowledge;

/// <summary>A check or fix the person can carry out.</summary>
/// <param name="CostMinutes">Paid whenever the action is tried.</param>
/// <param name="RepairCostMinutes">Paid only when the action finds or fixes the fault (observe-then-repair).</param>
/// <param name="Procedure">A button procedure whose model-family steps the action shows, if any.</param>
public sealed record TroubleshootingAction(
    string Id,
    LocalizedText Title,
    LocalizedText Why,
    double CostMinutes,
    double? RepairCostMinutes,
    Risk Risk,
    IReadOnlyList<Gate> Gates,
    IReadOnlyList<InstructionVariant> Instructions,
    ProcedureKind? Procedure,
    IReadOnlyList<FixEntry> Fixes)
{
    /// <summary>Precedence: step ids (actions or questions) that come before this action while they can still
    /// help (the risk ladder: low risk before high risk). Enforced by the engine, checked by lint.</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>The gate this action opens when it is done and confirmed (making a verified backup opens
    /// backup-verified); the gate's steps wait for it instead of being held back.</summary>
    public Gate? Opens { get; init; }
}

/// <summary>P(the action fixes the fault | cause).</summary>
public sealed record FixEntry(string CauseId, double P, Citation Citation);

/// <summary>Steps for one platform (and, where buttons differ, one model family).</summary>
public sealed record InstructionVariant(Platform Platform, ButtonFamily? Family, IReadOnlyList<LocalizedText> Steps);
