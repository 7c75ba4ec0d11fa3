using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;

namespace Kiriwake.Cli.Commands;

/// <summary>The words of the `backups` commands, in both languages.</summary>
internal static class BackupsText
{
    public static readonly LocalizedText NoBackups = new("バックアップが見つかりません。探した場所:", "No backups found. Searched:");
    public static readonly LocalizedText NoDefaultRoots = new("この OS には既定のバックアップフォルダーがありません。--root でフォルダーを指定してください（idevicebackup2 では指定した DIRECTORY）。", "This system has no default backup folder: give one with --root (for idevicebackup2, the DIRECTORY you passed).");
    public static readonly LocalizedText RootMissing = new("フォルダー {0} がありません。", "The folder {0} does not exist.");
    public static readonly LocalizedText Device = new("デバイス", "Device");
    public static readonly LocalizedText Model = new("機種", "Model");
    public static readonly LocalizedText Ios = new("iOS", "iOS");
    public static readonly LocalizedText Date = new("日時", "Date");
    public static readonly LocalizedText Logical = new("データ量", "Logical size");
    public static readonly LocalizedText OnDisk = new("ディスク上", "On disk");
    public static readonly LocalizedText Encrypted = new("暗号化", "Encrypted");
    public static readonly LocalizedText Verdict = new("判定", "Verdict");
    public static readonly LocalizedText Folder = new("フォルダー", "Folder");
    public static readonly LocalizedText Yes = new("あり", "yes");
    public static readonly LocalizedText No = new("なし", "no");
    public static readonly LocalizedText Unknown = new("不明", "unknown");
    public static readonly LocalizedText Files = new("ファイル", "Files");
    public static readonly LocalizedText FilesLine = new("{0} 個（フォルダー {1}、リンク {2}）", "{0} ({1} folders, {2} links)");
    public static readonly LocalizedText CheckedLine = new("確認済み {0}・なし {1}・大きさ違い {2}・一覧にない {3}", "present {0}, missing {1}, wrong size {2}, not in list {3}");
    public static readonly LocalizedText DecryptedLine = new("復号して確認 {0}・復号できない {1}", "decrypted and checked {0}, failed to decrypt {1}");
    public static readonly LocalizedText Reasons = new("理由", "Reasons");
    public static readonly LocalizedText Examples = new("例", "Examples");
    public static readonly LocalizedText MissingExample = new("なし", "missing");
    public static readonly LocalizedText WrongSizeExample = new("大きさ違い", "wrong size");
    public static readonly LocalizedText OrphanExample = new("一覧にない", "not in list");
    public static readonly LocalizedText UnknownFlagExample = new("種類不明", "unknown kind");
    public static readonly LocalizedText UnreadableExample = new("読めない", "unreadable");
    public static readonly LocalizedText DecryptExample = new("復号できない", "does not decrypt");
    public static readonly LocalizedText Facts = new("診断に使う事実", "Facts for the diagnosis");
    public static readonly LocalizedText Checking = new("ファイルを確認中", "Checking files");
    public static readonly LocalizedText PasswordPrompt = new("バックアップのパスワード:", "Backup password:");
    public static readonly LocalizedText PasswordFromStdin = new("パスワードを標準入力から 1 行読みます。", "Reading the password from one line of standard input.");
    public static readonly LocalizedText NoPassword = new("パスワードが入力されませんでした。", "No password was given.");
    public static readonly LocalizedText NeedsPassword = new("暗号化されたバックアップです。--password を付けると、パスワードを尋ねてファイル一覧を読みます。", "The backup is encrypted. With --password, the password is asked for and the file list is read.");
    public static readonly LocalizedText DerivingKey = new("パスワードを確認中（数秒かかります。Ctrl+C で中止）", "Checking the password (takes a few seconds; Ctrl+C cancels)");
    public static readonly LocalizedText PasswordCorrect = new("パスワードは正しく、このバックアップを開けます（{0} 秒）。", "The password is correct: it opens this backup ({0} s).");
    public static readonly LocalizedText PasswordWrong = new("パスワードが違います。このバックアップは開けません（{0} 秒）。", "Wrong password: it does not open this backup ({0} s).");
    public static readonly LocalizedText NotEncrypted = new("このバックアップは暗号化されていません。確認するパスワードはありません。", "This backup is not encrypted: there is no password to check.");
    public static readonly LocalizedText KeybagDamaged = new("暗号鍵の束（BackupKeyBag）がないか壊れています：{0}", "The key bag (BackupKeyBag) is missing or damaged: {0}");
    public static readonly LocalizedText ManifestUnreadable = new("Manifest.plist が読めません：{0}", "Manifest.plist cannot be read: {0}");
    public static readonly LocalizedText SizesTitle = new("種類別のデータ量", "Size by kind");
    public static readonly LocalizedText AppsTitle = new("アプリ別（大きい順）", "Biggest apps");
    public static readonly LocalizedText DomainsTitle = new("ドメイン別（大きい順）", "Biggest domains");
    public static readonly LocalizedText SizesTotal = new("合計 {0}（{1} 個のファイル）", "Total {0} in {1} files");
    public static readonly LocalizedText SizesHint = new("iCloud やディスクがいっぱいのときは、大きいものから整理すると効果的です。", "When iCloud or the disk is full, start with the biggest items.");

    public static LocalizedText VerdictName(BackupVerdict verdict) => verdict switch
    {
        BackupVerdict.Complete => new("完了", "complete"),
        BackupVerdict.Interrupted => new("中断", "interrupted"),
        BackupVerdict.Inconsistent => new("不整合", "inconsistent"),
        _ => new("読み取り不能", "unreadable"),
    };

    public static LocalizedText PhaseName(SnapshotState phase) => phase switch
    {
        SnapshotState.Uploading => new("転送", "uploading"),
        SnapshotState.Moving => new("移動", "moving"),
        SnapshotState.Removing => new("後片付け", "removing"),
        SnapshotState.Finished => new("完了", "finished"),
        _ => new("不明な段階", "unknown phase"),
    };

    public static LocalizedText DateSource(BackupDateSource source) => source switch
    {
        BackupDateSource.StatusPlist => new("Status.plist", "Status.plist"),
        BackupDateSource.InfoPlist => new("Info.plist", "Info.plist"),
        BackupDateSource.ManifestPlist => new("Manifest.plist", "Manifest.plist"),
        _ => new("ファイルの更新日時", "file time"),
    };

    public static LocalizedText Category(SizeCategory category) => category switch
    {
        SizeCategory.Photos => new("写真・ビデオ", "Photos and videos"),
        SizeCategory.Messages => new("メッセージ", "Messages"),
        SizeCategory.Line => new("LINE", "LINE"),
        SizeCategory.Apps => new("その他のアプリ", "Other apps"),
        _ => new("システム・設定", "System and settings"),
    };
}
