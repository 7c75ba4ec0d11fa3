using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>The words of `backups create` and `device recovery`, in both languages (outcomes are in Evidence's DeviceActionText).</summary>
internal static class DeviceActionUiText
{
    public static readonly LocalizedText NewPassword = new("新しいバックアップのパスワード:", "New backup password:");
    public static readonly LocalizedText NewPasswordAgain = new("もう一度:", "Again:");
    public static readonly LocalizedText PasswordsDiffer = new("2 回の入力が一致しません。", "The two entries differ.");
    public static readonly LocalizedText ExistingPassword = new(
        "このデバイスはバックアップを暗号化します (以前に設定したパスワード)。そのパスワードで新しいバックアップを開けるか確かめるので、入力してください。",
        "This device encrypts its backups with a password set earlier. Type that password so Kiriwake can check that it opens the new backup.");
    public static readonly LocalizedText TurnOnNote = new(
        "暗号化をオンにします。パスワードはツールの標準入力に渡し、コマンドラインには出しません。デバイスでパスコードを求められたら入力してください。",
        "Encryption will be switched on. The password goes to the tool's standard input, never its command line. Enter the device's passcode if it asks.");
    public static readonly LocalizedText Device = new("デバイス", "Device");
    public static readonly LocalizedText Destination = new("保存先", "Destination");
    public static readonly LocalizedText SpaceShort = new(
        "注意: 保存先の空き ({0}) がデバイスのデータ量 ({1}) より少なく、途中で止まるおそれがあります。",
        "Note: the destination has {0} free, less than the {1} of data on the device; the backup may stop part-way.");
    public static readonly LocalizedText CtrlC = new("Ctrl+C で安全に中止できます。", "Ctrl+C stops it safely.");
    public static readonly LocalizedText Folder = new("バックアップのフォルダー", "Backup folder");
    public static readonly LocalizedText Files = new("受け取ったファイル", "Files received");
    public static readonly LocalizedText ToolSaid = new("ツールの出力で見つかったもの:", "Found in the tool's output:");
    public static readonly LocalizedText OtherDestination = new(
        "空きの多い別のドライブに作るときは、そのフォルダーを --to で指定してください。",
        "To make it on another drive with more room, name a folder there with --to.");
    public static readonly LocalizedText NextSteps = new("次にすること:", "What to do next:");
    public static readonly LocalizedText LogSaved = new("ツールの出力を保存しました: {0}", "The tool's output was saved to {0}");
    public static readonly LocalizedText DiagnoseFrom = new("この失敗から切り分けを始めるには:", "To diagnose from this failure:");
    public static readonly LocalizedText Killed = new("ツールが中止に応じなかったため、強制終了しました。", "The tool did not stop when asked and was ended.");
    public static readonly LocalizedText GateOpen = new(
        "確認済みのバックアップがあるので、データを消す手順にも進めます。",
        "With this verified backup, steps that erase the device can be taken.");
    public static readonly LocalizedText ConfirmPrompt = new("はい / いいえ (y/n): ", "yes / no (y/n): ");
    public static readonly LocalizedText Declined = new("何もしませんでした。", "Nothing was done.");
    public static readonly LocalizedText NeedsYes = new(
        "確認の質問に答えられません (入力がありません)。続けるには --yes を付けてください。",
        "The confirmation cannot be answered (no input). Add --yes to go ahead.");
    public static readonly LocalizedText DfuNote = new(
        "DFU モードはソフトウェアでは入れません。`kiriwake procedure dfu --model 機種` のボタン操作で入ります。",
        "DFU mode cannot be entered by software: use the button steps of `kiriwake procedure dfu --model MODEL`.");
}
