using Kiriwake.Core.Knowledge;

namespace Kiriwake.Learning;

/// <summary>What `kb learn` and the web admin's learning page say about the cases the person could not fix: how many
/// have a confirmed cause, and, when fewer than half do, why a technician should record it (docs/learning.md).</summary>
public static class ConfirmationAdvice
{
    public static readonly LocalizedText NotFixed = new("自分では直らなかったケース {0} 件のうち、原因が確認されたもの {1} 件。", "Of the {0} cases the person could not fix, {1} have a confirmed cause.");
    public static readonly LocalizedText ConfirmAdvice = new("直らなかったケースの原因を技術者が確認して記録すると (ヘルプデスクの「確認された原因」)、学習が確かになります。手順の記録だけでは区別できない原因があるためです。", "Learning is more reliable when a technician records the confirmed cause of the cases not fixed (the helpdesk's \"Confirmed cause\"): some causes cannot be told apart from the steps alone.");
}
