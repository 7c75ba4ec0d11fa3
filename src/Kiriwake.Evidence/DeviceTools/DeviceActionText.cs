using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// What each outcome of a device action means to the person, in Japanese and English: one place that the CLI
/// and the web app both show, so the words never drift apart.
/// </summary>
public static class DeviceActionText
{
    public static readonly LocalizedText BackupConsent = new(
        "このコンピュータに {0} のバックアップを作ります（保存先: {1}）。終わるまでケーブルを抜かず、デバイスのロックを解除したままにしてください。始めますか？",
        "Kiriwake will back up {0} to this computer (to {1}). Keep the cable connected and the device unlocked until it finishes. Start?");

    public static readonly LocalizedText EnterConsent = new(
        "{0} をリカバリモードにします。画面がコンピュータとケーブルの絵に変わります。データは消えませんが、通常の画面に戻すまで使えません。進めますか？",
        "Kiriwake will put {0} into recovery mode. Its screen will show a computer and a cable. No data is erased, but the device cannot be used until it leaves recovery mode. Go ahead?");

    public static readonly LocalizedText LeaveConsent = new(
        "リカバリモードのデバイス（{0}）を通常の起動に戻します。再起動に 1 分ほどかかります。進めますか？",
        "Kiriwake will restart the device in recovery mode ({0}) normally. The restart takes about a minute. Go ahead?");

    public static LocalizedText Backup(BackupMakeStatus status) => status switch
    {
        BackupMakeStatus.Complete => new("バックアップが完了し、全ファイルの確認も済みました。", "The backup finished and every file in it was checked."),
        BackupMakeStatus.Failed => new("バックアップは完了しませんでした。", "The backup did not finish."),
        BackupMakeStatus.Cancelled => new("バックアップを中止しました。途中までのバックアップは完了していません。", "The backup was stopped. What was written so far is not a complete backup."),
        BackupMakeStatus.TimedOut => new("バックアップが長い間進まなかったため止めました。", "The backup made no progress for too long and was stopped."),
        BackupMakeStatus.DeviceNotReady => new("バックアップできる状態のデバイスがありません。", "No device is ready to be backed up."),
        BackupMakeStatus.ToolMissing => new("バックアップに使うツール (idevicebackup2) がインストールされていません。", "The backup tool (idevicebackup2) is not installed."),
        BackupMakeStatus.DestinationUnusable => new("保存先のフォルダーを作れないか、書き込めません。", "The destination folder cannot be created or written."),
        BackupMakeStatus.PasswordNeeded => new("暗号化バックアップにはパスワードが必要です。", "An encrypted backup needs a password."),
        BackupMakeStatus.PasswordUnsupported => new(
            "このパスワードは使えません: idevicebackup2 は半角の英数字と記号 (255 文字まで) しか受け付けません。",
            "This password cannot be used: idevicebackup2 accepts only ASCII letters, digits and symbols (up to 255)."),
        BackupMakeStatus.EncryptionFailed => new("バックアップの暗号化をオンにできませんでした。バックアップは作っていません。", "Backup encryption could not be switched on. No backup was made."),
        BackupMakeStatus.PasswordMismatch => new(
            "バックアップは完了しましたが、入力したパスワードでは開けません。このデバイスには以前に別のパスワードが設定されています。",
            "The backup finished, but the password you typed does not open it: this device has another backup password set."),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>What to do next after a backup that did not complete; each line is one step.</summary>
    public static IReadOnlyList<LocalizedText> BackupNext(BackupMakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var steps = new List<LocalizedText>();
        switch (result.Status)
        {
            case BackupMakeStatus.DeviceNotReady:
                steps.AddRange(ConnectionStateText.Fix(result.Device.State));
                break;
            case BackupMakeStatus.ToolMissing:
                steps.AddRange(ToolInstallHelp.Steps);
                break;
            case BackupMakeStatus.PasswordMismatch:
                steps.Add(new("以前に設定したパスワードを思い出せない場合は、デバイスの 設定 → 一般 → 転送またはリセット → リセット → すべての設定をリセット でパスワードを消せます (データは消えません)。",
                    "If you cannot recall the earlier password, Settings > General > Transfer or Reset > Reset > Reset All Settings removes it (no data is erased)."));
                break;
            case BackupMakeStatus.Cancelled or BackupMakeStatus.TimedOut or BackupMakeStatus.Failed:
                if (result.StoppedForSpace)
                {
                    steps.Add(new(
                        "パソコンの空き容量を増やしてから、もう一度バックアップしてください (写真や動画を別のドライブに移す、ゴミ箱を空にするなど)。",
                        "Free space on this computer, then make the backup again (move photos and videos to another drive, empty the trash)."));
                }

                if (result.Progress.ErrorCode == 208 || result.Progress.Phase == BackupPhase.WaitingForPasscode)
                {
                    steps.Add(new("デバイスのロックを解除し、求められたらパスコードを入力してください。", "Unlock the device and enter its passcode when asked."));
                }

                steps.Add(new("もう一度実行すると、途中から続けられることがあります。", "Running it again often continues where it stopped."));
                break;
        }

        return steps;
    }

    public static LocalizedText Recovery(RecoverySwitchStatus status) => status switch
    {
        RecoverySwitchStatus.Entered => new("デバイスはリカバリモードになりました。", "The device is in recovery mode now."),
        RecoverySwitchStatus.Left => new("デバイスはリカバリモードを抜け、通常どおり起動しました。", "The device left recovery mode and started normally."),
        RecoverySwitchStatus.LeftUnconfirmed => new(
            "デバイスはリカバリモードを抜けました。まだ起動中かもしれません。画面を確認してください。",
            "The device left recovery mode; it may still be starting. Check its screen."),
        RecoverySwitchStatus.BackInRecovery => new(
            "再起動しましたが、またリカバリモードに戻りました。コンピュータから「アップデート」(データを残す) を試す段階です。",
            "It restarted but came back to recovery mode. The next step is an Update from the computer (keeps data)."),
        RecoverySwitchStatus.SentUnconfirmed => new(
            "リカバリモードへの切り替えを指示しました (irecovery がないため確認はできません)。画面を確認してください。",
            "Recovery mode was requested (irecovery is not installed to confirm it). Check the device's screen."),
        RecoverySwitchStatus.NotConfirmed => new("切り替えを指示しましたが、時間内に確認できませんでした。画面を確認してください。", "The switch was requested but did not show in time. Check the device's screen."),
        RecoverySwitchStatus.AlreadyInRecovery => new("デバイスはすでにリカバリモードです。", "The device is already in recovery mode."),
        RecoverySwitchStatus.NotInRecovery => new("リカバリモードのデバイスは見つかりませんでした。", "No device in recovery mode was found."),
        RecoverySwitchStatus.InDfu => new(
            "デバイスは DFU モードです。DFU はソフトウェアでは出入りできません: 強制再起動 (ボタン操作) で抜けます。",
            "The device is in DFU mode. Software can neither enter nor leave DFU: a force restart (buttons) leaves it."),
        RecoverySwitchStatus.DeviceNotReady => new("切り替えできる状態のデバイスがありません。", "No device is ready for the switch."),
        RecoverySwitchStatus.ToolMissing => new("必要なツール (ideviceenterrecovery / irecovery) がインストールされていません。", "The tools needed (ideviceenterrecovery / irecovery) are not installed."),
        RecoverySwitchStatus.Failed => new("ツールが切り替えに失敗しました。", "The tool could not make the switch."),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>True for the outcomes where the person got what they asked for.</summary>
    public static bool Succeeded(RecoverySwitchStatus status) =>
        status is RecoverySwitchStatus.Entered or RecoverySwitchStatus.Left or RecoverySwitchStatus.AlreadyInRecovery;

    public static LocalizedText Stage(BackupMakeStage stage) => stage switch
    {
        BackupMakeStage.LookingAtDevice => new("デバイスを確認中", "Looking at the device"),
        BackupMakeStage.TurningOnEncryption => new("暗号化をオンにしています (デバイスでパスコードを入力)", "Switching encryption on (enter the passcode on the device)"),
        BackupMakeStage.BackingUp => new("バックアップ中", "Backing up"),
        BackupMakeStage.Stopping => new("中止しています (デバイスとの通信を閉じています)", "Stopping (closing the session with the device)"),
        BackupMakeStage.Verifying => new("バックアップを検証中", "Verifying the backup"),
        BackupMakeStage.CheckingPassword => new("パスワードで開けるか確認中", "Checking that the password opens it"),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static LocalizedText Phase(BackupPhase phase) => phase switch
    {
        BackupPhase.Starting => new("準備中", "starting"),
        BackupPhase.WaitingForPasscode => new("デバイスでパスコードを入力してください", "enter the passcode on the device"),
        BackupPhase.Receiving => new("受信中", "receiving"),
        BackupPhase.Sending => new("前回の情報を送信中", "sending the previous state"),
        BackupPhase.Moving => new("ファイルを整理中", "moving files into place"),
        BackupPhase.Removing => new("後片付け中", "removing old files"),
        BackupPhase.Stopping => new("中止中", "stopping"),
        BackupPhase.Finished => new("終了", "finished"),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
