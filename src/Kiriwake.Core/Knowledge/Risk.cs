namespace Kiriwake.Core.Knowledge;

/// <summary>How much an action can hurt. <see cref="DataLoss"/> needs the backup-verified gate.</summary>
public enum Risk
{
    None,
    Low,
    High,
    DataLoss,
}
