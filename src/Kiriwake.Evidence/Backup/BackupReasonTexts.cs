using System.Globalization;
using System.Text;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Backup;

/// <summary>The Japanese and English text of every reason code; {0}, {1}… are the reason's arguments.</summary>
public static class BackupReasonTexts
{
    private static readonly Dictionary<BackupReasonCode, LocalizedText> s_texts = new()
    {
        [BackupReasonCode.FolderMissing] = new("フォルダー {0} がありません。", "The folder {0} does not exist."),
        [BackupReasonCode.FolderUnreadable] = new("読み取れません（{0}）：{1}", "Cannot be read ({0}): {1}"),
        [BackupReasonCode.PermissionDenied] = new("アクセスが拒否されました（{0}）。このユーザーに読み取り権限がありません（macOS ではフルディスクアクセスが必要です）。", "Permission denied ({0}). This user may not read it (on macOS, grant Full Disk Access)."),
        [BackupReasonCode.NotABackup] = new("Info.plist・Status.plist・Manifest.plist・Manifest.db のどれもなく、バックアップのフォルダーではありません。", "None of Info.plist, Status.plist, Manifest.plist or Manifest.db is here: this is not a backup folder."),
        [BackupReasonCode.StatusMissing] = new("Status.plist がありません。iPhone がバックアップの状態を書く前に止まっています。", "Status.plist is missing: the backup stopped before the iPhone recorded its state."),
        [BackupReasonCode.StatusMalformed] = new("Status.plist が壊れています：{0}", "Status.plist is damaged: {0}"),
        [BackupReasonCode.StatusNoState] = new("Status.plist にバックアップの段階（SnapshotState）が書かれていません。", "Status.plist does not say which phase the backup reached (no SnapshotState)."),
        [BackupReasonCode.StatusNotFinished] = new("バックアップは「{0}」の段階で止まっています（Status.plist）。", "The backup stopped in the '{0}' phase (Status.plist)."),
        [BackupReasonCode.StatusNotNew] = new("Status.plist の BackupState が「{0}」で、使えるバックアップ（new）ではありません。", "Status.plist BackupState is '{0}', not a usable backup ('new')."),
        [BackupReasonCode.StatusUnsupportedVersion] = new("Status.plist の形式バージョン {0} は iOS が受け付ける範囲（2.4〜4.0未満）の外です。", "Status.plist format version {0} is outside what iOS accepts (2.4 to below 4.0)."),
        [BackupReasonCode.SnapshotFolderLeft] = new("Snapshot フォルダーが残っています。最後のバックアップは最後まで終わっていません。", "A Snapshot folder is left behind: the last backup run did not finish."),
        [BackupReasonCode.MayStillBeRunning] = new("{0} 分前に書き込まれたばかりです。バックアップがまだ続いている可能性があります。", "Written {0} minutes ago: the backup may still be running."),
        [BackupReasonCode.InfoMissing] = new("Info.plist がありません（機種・名前が分かりません）。", "Info.plist is missing (device name and model unknown)."),
        [BackupReasonCode.InfoMalformed] = new("Info.plist が壊れています：{0}", "Info.plist is damaged: {0}"),
        [BackupReasonCode.ManifestPlistMissing] = new("Manifest.plist がありません。", "Manifest.plist is missing."),
        [BackupReasonCode.ManifestPlistEmpty] = new("Manifest.plist が空（0 バイト）です。バックアップ開始直後に止まった跡です。", "Manifest.plist is empty (0 bytes): the backup stopped right after it started."),
        [BackupReasonCode.ManifestPlistMalformed] = new("Manifest.plist が壊れています：{0}", "Manifest.plist is damaged: {0}"),
        [BackupReasonCode.ManifestDbMissing] = new("ファイル一覧（Manifest.db）がありません。", "The file list (Manifest.db) is missing."),
        [BackupReasonCode.ManifestDbEmpty] = new("ファイル一覧（Manifest.db）が空（0 バイト）です。", "The file list (Manifest.db) is empty (0 bytes)."),
        [BackupReasonCode.ManifestDbDamaged] = new("ファイル一覧（Manifest.db）が読めません：{0}", "The file list (Manifest.db) cannot be read: {0}"),
        [BackupReasonCode.ManifestMbdbDamaged] = new("古い形式のファイル一覧（Manifest.mbdb）が読めません：{0}", "The old-format file list (Manifest.mbdb) cannot be read: {0}"),
        [BackupReasonCode.EncryptedNeedsPassword] = new("暗号化されたバックアップです。ファイルの確認にはパスワードが必要です。", "The backup is encrypted: checking its files needs the password."),
        [BackupReasonCode.ManifestDecryptFailed] = new("ファイル一覧を復号できません：{0}", "The file list cannot be decrypted: {0}"),
        [BackupReasonCode.KeybagDamaged] = new("暗号鍵の束（BackupKeyBag）が壊れています：{0}", "The key bag (BackupKeyBag) is damaged: {0}"),
        [BackupReasonCode.RecordsUnreadable] = new("ファイル一覧の {0} 件の記録が読めません。", "{0} records of the file list cannot be read."),
        [BackupReasonCode.UnknownFlags] = new("ファイル一覧に種類の分からない記録が {0} 件あります（flags {1}）。", "{0} records of the file list have an unknown kind (flags {1})."),
        [BackupReasonCode.FilesMissing] = new("{1} 個中 {0} 個のファイルがありません。", "{0} of {1} files are missing."),
        [BackupReasonCode.ZeroSizeFilesMissing] = new("大きさ 0 のファイル {0} 個がありません（問題ないことがあります）。", "{0} zero-size files are absent (this can be normal)."),
        [BackupReasonCode.FilesWrongSize] = new("{0} 個のファイルの大きさが一覧と違います。", "{0} files do not have the size the file list gives."),
        [BackupReasonCode.OrphanFiles] = new("ファイル一覧にないファイルが {0} 個あります。", "{0} files are not in the file list."),
        [BackupReasonCode.FilesUnreadable] = new("{0} 個のファイルが読めません（アクセス権など）。", "{0} files cannot be read (permissions or disk errors)."),
        [BackupReasonCode.FilesDecryptFailed] = new("{0} 個のファイルが正しく復号できません。", "{0} files do not decrypt correctly."),
        [BackupReasonCode.FilesNotChecked] = new("ファイル本体はまだ確認していません（--deep で全ファイルを確認します）。", "The files themselves were not checked (--deep checks every file)."),
        [BackupReasonCode.StatusFinishedAlone] = new("Status.plist は「完了」ですが、それだけでは完了の証明になりません。", "Status.plist says 'finished', but that alone proves nothing."),
    };

    /// <summary>All codes with their texts (tests check that none is missing).</summary>
    public static IReadOnlyDictionary<BackupReasonCode, LocalizedText> All => s_texts;

    public static LocalizedText For(BackupReasonCode code) => s_texts[code];

    /// <summary>The reason's text in <paramref name="language"/>, its arguments filled in.</summary>
    public static string Format(BackupReason reason, Language language) =>
        string.Format(CultureInfo.InvariantCulture, For(reason.Code).Get(language), reason.Args.Cast<object>().ToArray());

    /// <summary>kebab-case of the enum name: <c>FilesWrongSize</c> → <c>files-wrong-size</c>.</summary>
    public static string CodeName(BackupReasonCode code)
    {
        string name = code.ToString();
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
