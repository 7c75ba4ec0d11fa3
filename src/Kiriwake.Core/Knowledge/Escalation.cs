namespace Kiriwake.Core.Knowledge;

/// <summary>Handing the case on: it ends the session and is assumed to resolve every cause it covers.</summary>
/// <param name="Covers">Causes it resolves; empty means every cause.</param>
public sealed record Escalation(
    string Id,
    EscalationKind Kind,
    LocalizedText Title,
    LocalizedText Why,
    double CostMinutes,
    IReadOnlyList<string> Covers,
    IReadOnlyList<LocalizedText> Prepare);

public enum EscalationKind
{
    AppleSupport,
    RepairShop,
    Administrator,
}
