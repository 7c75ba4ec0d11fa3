namespace Kiriwake.Core.Knowledge;

public enum ProcedureKind
{
    ForceRestart,
    Recovery,
    Dfu,
}

/// <summary>A button sequence for one model family.</summary>
public sealed record Procedure(ProcedureKind Kind, ButtonFamily Family, LocalizedText Title, IReadOnlyList<ProcedureStep> Steps, IReadOnlyList<LocalizedText> Warnings);

/// <summary>One step; <see cref="Seconds"/> is marked approximate where Apple publishes no timing.</summary>
public sealed record ProcedureStep(LocalizedText Text, double? Seconds, bool Approximate);

/// <summary>ProductType (e.g. iPhone12,8) → marketing name → button family.</summary>
public sealed record DeviceModel(string ProductType, string Name, ButtonFamily Family);
