using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>The words of `kb learn`, in both languages.</summary>
internal static class LearnText
{
    public static readonly LocalizedText NoPath = new("ケースのファイルまたはフォルダーがありません: {0}", "No such case file or folder: {0}");
    public static readonly LocalizedText NoCaseFiles = new("ケースのファイル (*.json, *.jsonl) が見つかりません。", "No case files (*.json, *.jsonl) found.");
    public static readonly LocalizedText Read = new("{0} 件のケースから学習しました (技術者が原因を確認したもの {1} 件、対応中で除いたもの {2} 件)。", "Learned from {0} cases ({1} with a cause confirmed by a technician; {2} still in progress left out).");
    public static readonly LocalizedText Written = new("学習結果を書き出しました: {0}", "Learned overlay written to {0}");
    public static readonly LocalizedText Use = new("使うには: kiriwake diagnose --learned {0}  (評価: kiriwake kb eval --all --learned {0})", "To use it: kiriwake diagnose --learned {0}  (score it: kiriwake kb eval --all --learned {0})");
    public static readonly LocalizedText Symptom = new("症状「{0}」: {1} 件", "Symptom \"{0}\": {1} cases");
    public static readonly LocalizedText TooFew = new("  件数が足りないため、原因の見込みは変えていません (最低 {0} 件)。", "  Too few cases: its causes' likelihoods are unchanged (at least {0} needed).");
    public static readonly LocalizedText Move = new("  {0}: {1} → {2}", "  {0}: {1} → {2}");
    public static readonly LocalizedText FirstStepChanged = new("最初の手順が変わる症状:", "Symptoms whose first step changes:");
    public static readonly LocalizedText FirstStep = new("  「{0}」: {1} → {2}", "  \"{0}\": {1} → {2}");
    public static readonly LocalizedText NoFirstStepChange = new("どの症状でも最初の手順は変わりません。", "No symptom's first step changes.");
    public static readonly LocalizedText Counts = new("変わった確率: 原因の見込み {0} 症状、手順で直る確率 {1} 件、質問の答え方 {2} 件。", "Probabilities changed: causes' likelihoods of {0} symptoms, {1} chances that a step fixes a cause, {2} answer rows of questions.");
    public static readonly LocalizedText Nothing = new("(なし)", "(none)");
}
