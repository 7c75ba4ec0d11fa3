using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>The words of `diagnose`, in both languages.</summary>
internal static class DiagnoseText
{
    public static readonly LocalizedText ChooseSymptom = new("症状を番号で選んでください:", "Choose the symptom by number:");
    public static readonly LocalizedText NoSymptomGiven = new("症状を --symptom、--error、--text のどれかで指定してください(一覧: 引数なしで対話実行)。", "Give the symptom with --symptom, --error or --text (or run interactively to pick it from a list).");
    public static readonly LocalizedText NoSymptomFound = new("一致する症状がありません: {0}", "No symptom matches: {0}");
    public static readonly LocalizedText SeveralSymptoms = new("複数の症状が一致しました。最初のものを使います: {0}", "Several symptoms match; using the first: {0}");
    public static readonly LocalizedText UnknownCause = new("その原因はこの症状にありません: {0}", "That cause is not one of this symptom's: {0}");
    public static readonly LocalizedText Step = new("手順 {0}", "Step {0}");
    public static readonly LocalizedText Question = new("質問", "Question");
    public static readonly LocalizedText Action = new("作業", "Action");
    public static readonly LocalizedText Escalation = new("エスカレーション", "Escalation");
    public static readonly LocalizedText Why = new("理由", "Why");
    public static readonly LocalizedText Chance = new("この手順で直る見込み: {0}、所要: 約{1}分、リスク: {2}", "Chance this fixes it: {0}; time: about {1} min; risk: {2}");
    public static readonly LocalizedText RepairExtra = new("(原因が見つかった場合はさらに約{0}分)", "(about {0} more min if it finds the cause)");
    public static readonly LocalizedText TopCauses = new("考えられる原因", "Likely causes");
    public static readonly LocalizedText RunnerUp = new("次点は「{0}」(期待 {1} 分、この手順なら {2} 分)", "Runner-up: \"{0}\" (expected {1} min against {2} min with this step)");
    public static readonly LocalizedText Blocked = new("条件が整うまで提案しない手順: {0}", "Held back until their conditions hold: {0}");
    public static readonly LocalizedText Accepts = new("回答: {0}", "Answers: {0}");
    public static readonly LocalizedText AnswerFixed = new("直った", "it is fixed");
    public static readonly LocalizedText AnswerNotFixed = new("直らない", "still failing");
    public static readonly LocalizedText AnswerSkipped = new("実行できなかった", "could not do it");
    public static readonly LocalizedText Commands = new("(undo で直前の回答を取り消し、quit で中断して保存)", "(undo takes back the last answer; quit stops and saves)");
    public static readonly LocalizedText Prompt = new("回答> ", "Answer> ");
    public static readonly LocalizedText NotAccepted = new("その回答は受け付けられません: {0}", "That answer is not accepted: {0}");
    public static readonly LocalizedText Undone = new("直前の回答を取り消しました。", "The last answer was taken back.");
    public static readonly LocalizedText NothingToUndo = new("取り消せる回答はありません。", "There is no answer to take back.");
    public static readonly LocalizedText Saved = new("中断しました。再開: kiriwake diagnose --resume {0}", "Stopped. Resume with: kiriwake diagnose --resume {0}");
    public static readonly LocalizedText StoppedUnsaved = new("中断しました(--save を付けると再開できます)。", "Stopped (use --save to be able to resume).");
    public static readonly LocalizedText NeedsAnswer = new("回答ファイルにこの手順の回答がありません: {0}", "The answers file has no answer for this step: {0}");
    public static readonly LocalizedText GateBackup = new("データが消える可能性のある手順で直る見込みがあります({0})。確認済みのバックアップはありますか?(データが消えてもよい場合は accept-loss)", "A step that may erase data could still fix this ({0}). Is there a verified backup? (accept-loss if losing data is acceptable)");
    public static readonly LocalizedText GateConsent = new("持ち主の同意が必要な手順があります({0})。持ち主は同意しましたか?", "A step needs the device owner's consent ({0}). Has the owner consented?");
    public static readonly LocalizedText Procedure = new("手順(機種別)", "Procedure for your model");
    public static readonly LocalizedText Instructions = new("やり方", "How to");
    public static readonly LocalizedText Prepare = new("用意するもの・伝えること", "What to prepare and tell");
    public static readonly LocalizedText Report = new("診断レポート", "Diagnosis report");
    public static readonly LocalizedText Symptom = new("症状", "Symptom");
    public static readonly LocalizedText Outcome = new("結果", "Outcome");
    public static readonly LocalizedText FixedBy = new("解決: {0}", "Fixed by: {0}");
    public static readonly LocalizedText EscalatedTo = new("エスカレーション: {0}", "Escalated to: {0}");
    public static readonly LocalizedText Unresolved = new("未解決(試せる手順がもうありません)", "Not resolved (no useful step is left)");
    public static readonly LocalizedText InProgress = new("中断中", "Paused");
    public static readonly LocalizedText Transcript = new("経過", "Transcript");
    public static readonly LocalizedText TimeSpent = new("経過時間: {0} 分(手順の目安の合計: {1} 分)", "Time spent: {0} min (the steps' nominal total: {1} min)");
    public static readonly LocalizedText Acceptance = new("完了の確認事項", "Acceptance criteria to confirm");
    public static readonly LocalizedText Facts = new("証拠から分かった事実", "Facts from evidence");
    public static readonly LocalizedText ByFact = new("(事実 {0} による自動回答)", "(answered by fact {0})");
    public static readonly LocalizedText SupportPackage = new("サポート担当者へ", "For the support agent");
    public static readonly LocalizedText RiskNone = new("なし", "none");
    public static readonly LocalizedText RiskLow = new("低", "low");
    public static readonly LocalizedText RiskHigh = new("高", "high");
    public static readonly LocalizedText RiskDataLoss = new("データ消失の可能性", "may erase data");

    public static LocalizedText Risk(Risk risk) => risk switch
    {
        Core.Knowledge.Risk.None => RiskNone,
        Core.Knowledge.Risk.Low => RiskLow,
        Core.Knowledge.Risk.High => RiskHigh,
        _ => RiskDataLoss,
    };

    public static readonly LocalizedText LogTooLarge = new("ファイルが大きすぎます({0} MBまで)。エラーの前後だけを貼り付けてください。", "The file is too large (up to {0} MB). Paste only the part around the error.");

    public static readonly LocalizedText DeviceFactsRead = new("接続中の端末から {0} 件の事実を読み取りました。", "Read {0} facts from the connected device.");

    public static readonly LocalizedText BackupFactsRead = new("バックアップを確認しました(判定: {0}、事実 {1} 件)。", "Checked the backup (verdict: {0}; {1} facts).");

    public static readonly LocalizedText CheckingBackup = new("バックアップの全ファイルを確認しています…", "Checking every file of the backup…");

    public static readonly LocalizedText AutoSaving = new("回答は {0} に保存されます(中断しても --resume で再開できます)。", "Answers are saved to {0} (resume with --resume if interrupted).");
}
