using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>The words of `diagnose`, in both languages.</summary>
internal static class DiagnoseText
{
    public static readonly LocalizedText ChooseSymptom = new("どの症状ですか?番号で選んでください:", "Which symptom is it? Choose by number:");
    public static readonly LocalizedText NoSymptomGiven = new("症状を --symptom、--error、--text のどれかで指定してください(一覧: 引数なしで対話実行)。", "Give the symptom with --symptom, --error or --text (or run interactively to pick it from a list).");
    public static readonly LocalizedText NoSymptomFound = new("一致する症状がありません: {0}", "No symptom matches: {0}");
    public static readonly LocalizedText TextMatchedNothing = new("貼り付けた文から症状を特定できませんでした。一覧から選んでください。", "The text did not point to a symptom. Please choose from the list.");
    public static readonly LocalizedText SeveralSymptoms = new("複数の症状が一致しました。最初のものを使います: {0}", "Several symptoms match; using the first: {0}");
    public static readonly LocalizedText UnknownCause = new("その原因はこの症状にありません: {0}", "That cause is not one of this symptom's: {0}");
    public static readonly LocalizedText Step = new("手順 {0}", "Step {0}");
    public static readonly LocalizedText Question = new("質問", "Question");
    public static readonly LocalizedText Action = new("やること", "To do");
    public static readonly LocalizedText Escalation = new("相談先", "Where to get help");
    public static readonly LocalizedText Why = new("理由", "Why");
    public static readonly LocalizedText TimeAndRisk = new("所要: 約{0}分 / データへの影響: {1}", "Time: about {0} min / risk to data: {1}");
    public static readonly LocalizedText Blocked = new("条件が整うまで行わない手順: {0}", "Not done until their condition holds: {0}");
    public static readonly LocalizedText Accepts = new("回答: {0}", "Answers: {0}");
    public static readonly LocalizedText Commands = new("(番号か言葉で答えてください。「戻る」で直前の回答を取り消し、「中断」で保存して終了。Ctrl+C でも保存して終了します)", "(Answer with a number or the words. \"undo\" takes back the last answer; \"quit\" saves and stops, as does Ctrl+C.)");
    public static readonly LocalizedText Prompt = new("回答> ", "Answer> ");
    public static readonly LocalizedText Undone = new("直前の回答を取り消しました。", "The last answer was taken back.");
    public static readonly LocalizedText NothingToUndo = new("取り消せる回答はありません。", "There is no answer to take back.");
    public static readonly LocalizedText Saved = new("中断しました。続きは kiriwake diagnose --resume で再開できます(保存先: {0})。", "Stopped. Continue with: kiriwake diagnose --resume (saved to {0}).");
    public static readonly LocalizedText StoppedUnsaved = new("中断しました(--save を付けると再開できます)。", "Stopped (use --save to be able to resume).");
    public static readonly LocalizedText InputEnded = new("入力が終わりました(Ctrl+D)。ここまでの回答を保存して終了します。", "The input ended (Ctrl+D). The answers so far are saved.");
    public static readonly LocalizedText Interrupted = new("Ctrl+C を受け付けました。ここまでの回答を保存して終了します。", "Ctrl+C received. The answers so far are saved.");
    public static readonly LocalizedText NeedsAnswer = new("回答ファイルにこの手順の回答がありません: {0}", "The answers file has no answer for this step: {0}");
    public static readonly LocalizedText Prepare = new("用意するもの・伝えること", "What to prepare and tell");
    public static readonly LocalizedText Instructions = new("やり方", "How to");
    public static readonly LocalizedText Recap = new("前回の続きです。これまでの回答:", "Continuing your session. Answered so far:");
    public static readonly LocalizedText RecapNone = new("前回の続きです(まだ回答はありません)。", "Continuing your session (nothing answered yet).");
    public static readonly LocalizedText NoUnfinished = new("再開できる中断中の診断はありません。", "There is no unfinished session to resume.");
    public static readonly LocalizedText SessionsHeading = new("保存された診断 (新しい順):", "Saved sessions (newest first):");
    public static readonly LocalizedText SessionsNone = new("保存された診断はありません。", "There are no saved sessions.");
    public static readonly LocalizedText SessionPaused = new("中断中", "paused");
    public static readonly LocalizedText SessionFinished = new("完了", "finished");
    public static readonly LocalizedText SessionAnswers = new("回答 {0} 件", "{0} answers");
    public static readonly LocalizedText ResumeHint = new("最新の中断中の診断を再開: kiriwake diagnose --resume", "Resume the latest unfinished one: kiriwake diagnose --resume");
    public static readonly LocalizedText NoSessionsFolder = new("診断の保存先がありません。", "There is no folder for saved sessions.");
    public static readonly LocalizedText OlderKnowledge = new("この診断は別の版の知識ベースで作られました。", "This session was made with another version of the knowledge base.");
    public static readonly LocalizedText ModelFromDevice = new("接続中の端末の機種: {0}", "The connected device is: {0}");

    public static readonly LocalizedText LogTooLarge = new("ファイルが大きすぎます({0} MBまで)。エラーの前後だけを貼り付けてください。", "The file is too large (up to {0} MB). Paste only the part around the error.");

    public static readonly LocalizedText DeviceFactsRead = new("接続中の端末から {0} 件の情報を読み取りました。", "Read {0} facts from the connected device.");

    public static readonly LocalizedText DeviceNotRead = new("接続中の端末は読み取れませんでした({0})。質問で確認します。", "The connected device could not be read ({0}); the questions will ask instead.");

    public static readonly LocalizedText BackupFactsRead = new("バックアップを確認しました(判定: {0})。", "Checked the backup (verdict: {0}).");

    public static readonly LocalizedText CheckingBackup = new("バックアップの全ファイルを確認しています…", "Checking every file of the backup…");

    public static readonly LocalizedText AutoSaving = new("回答は {0} に保存されます(中断しても --resume で再開できます)。", "Answers are saved to {0} (resume with --resume if interrupted).");
}
