using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The documented price of risk, in minutes, added to an action's unconditional cost so that at equal
/// chance and time a low-risk step comes before a high-risk one (theory §2.1 "multi-attribute step cost").
/// A data-loss step is in addition hard-gated (<see cref="GateState"/>); its price only orders it among
/// steps that are allowed.
/// </summary>
public static class RiskPrice
{
    public const double None = 0;
    public const double Low = 1;
    public const double High = 10;
    public const double DataLoss = 30;

    public static double Minutes(Risk risk) => risk switch
    {
        Risk.None => None,
        Risk.Low => Low,
        Risk.High => High,
        Risk.DataLoss => DataLoss,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, null),
    };
}
