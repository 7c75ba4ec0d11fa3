using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli;

/// <summary>The CLI's own words, in both languages (the knowledge base holds everything else).</summary>
internal static class UiText
{
    public static readonly LocalizedText LintClean = new("知識ベースに問題はありません:", "The knowledge base has no problems:");
    public static readonly LocalizedText LintProblems = new("{0} 件の問題があります。", "{0} problem(s) found.");
    public static readonly LocalizedText ErrorCodeTitle = new("エラー", "Error");
    public static readonly LocalizedText LikelyCauses = new("考えられる原因(可能性の高い順):", "Likely causes, most likely first:");
    public static readonly LocalizedText FirstSteps = new("まず試すこと:", "First steps:");
    public static readonly LocalizedText DiagnoseWith = new("順に切り分けるには:", "To isolate the cause step by step:");
    public static readonly LocalizedText UnknownCode = new("エラー {0} は知識ベースにありません。", "Error {0} is not in the knowledge base.");
    public static readonly LocalizedText RangeSuggests = new("番号の範囲から推定される分類", "What its number range suggests");
    public static readonly LocalizedText MatchedMessage = new("一致したメッセージ:", "Matched message:");
    public static readonly LocalizedText NothingMatched = new("該当するエラーや症状が見つかりませんでした。`kiriwake diagnose` で症状の一覧から選べます。", "No known error or symptom matched. `kiriwake diagnose` lets you pick from the list of symptoms.");
    public static readonly LocalizedText Seconds = new("({0}秒)", "({0} s)");
    public static readonly LocalizedText SecondsApproximate = new("(約{0}秒・目安)", "(about {0} s, approximate)");
    public static readonly LocalizedText ModelFromRule = new("この機種は一覧にないため、識別子の番号から手順の種類を推定しました。本体の画面下に丸いホームボタンがあるか確認してください。", "This model is not in the table yet, so its button layout was inferred from the identifier. Please check whether it has a round Home button below the screen.");
    public static readonly LocalizedText ModelAmbiguous = new("「{0}」に当てはまる機種が複数あり、ボタン配置が異なります。どれですか?", "\"{0}\" matches several models with different buttons. Which one is it?");
    public static readonly LocalizedText MoreModels = new("ほか {0} 機種。名前をもう少し詳しく入れてください(例: 第3世代、12.9インチ)。", "and {0} more. Type more of the name (e.g. 3rd generation, 12.9-inch).");
    public static readonly LocalizedText ModelUnknown = new("機種「{0}」が見つかりません。", "Model \"{0}\" was not found.");
    public static readonly LocalizedText HowToFindModel = new("機種名は iPhone/iPad の「設定 > 一般 > 情報 > 機種名」で確認できます(例: iPhone SE(第2世代))。パソコンにつないでいれば `kiriwake device` が識別子(例: iPhone12,8)を読み取ります。", "Find the model name on the device in Settings > General > About > Model Name (e.g. iPhone SE (2nd generation)). With the device connected to this computer, `kiriwake device` reads its identifier (e.g. iPhone12,8).");
    public static readonly LocalizedText NoSuchId = new("「{0}」は見つかりません。", "\"{0}\" was not found.");
    public static readonly LocalizedText Title = new("タイトル", "Title");
    public static readonly LocalizedText Items = new("項目数", "Items");
    public static readonly LocalizedText NoFaqMatch = new("該当する質問が見つかりませんでした。", "No question matched.");
}
