using Kiriwake.Core.Actions;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Local;

/// <summary>The words of the device-action, device-facts and password-check pages, in Japanese and English.</summary>
public static class LocalText
{
    public static readonly LocalizedText OfferHeading = new("切り分けに任せる", "Let Kiriwake do it");
    public static readonly LocalizedText OfferNoDevice = new(
        "iPhone・iPad をケーブルでこのパソコンにつなぐと、切り分けがこの作業を代わりに行えます。",
        "Connect the iPhone or iPad to this computer with a cable, and Kiriwake can do this for you.");
    public static readonly LocalizedText LookAgain = new("もう一度確認する", "Look again");
    public static readonly LocalizedText PasswordLabel = new("バックアップのパスワード", "Backup password");
    public static readonly LocalizedText PasswordForBackupHelp = new(
        "このデバイスはバックアップを暗号化します。以前に設定したパスワードを入力してください。パスワードはバックアップを開けるかの確認にだけ使い、保存も記録もしません。",
        "This device encrypts its backups. Type the password you set earlier. It is used only to check that the backup opens; it is never saved or written to any log.");
    public static readonly LocalizedText EncryptLegend = new("暗号化", "Encryption");
    public static readonly LocalizedText EncryptChoice = new("バックアップを暗号化する (おすすめ)", "Encrypt the backup (recommended)");
    public static readonly LocalizedText EncryptHelp = new(
        "暗号化すると、保存したパスワード、Wi-Fi の設定、ヘルスケアのデータもバックアップに入ります。パスワードは半角の英数字と記号で決めてください。忘れるとこのバックアップから復元できないので、必ず控えておいてください。パスワードはツールに渡すだけで、保存も記録もしません。",
        "An encrypted backup also keeps saved passwords, Wi-Fi settings and Health data. Choose a password of ASCII letters, digits and symbols, and write it down: without it this backup cannot be restored. It is only handed to the tool, never saved or written to any log.");
    public static readonly LocalizedText NewPasswordLabel = new("新しいバックアップのパスワード", "New backup password");
    public static readonly LocalizedText NewPasswordAgainLabel = new("もう一度 (確認)", "Again (to confirm)");
    public static readonly LocalizedText NewPasswordMissing = new(
        "暗号化するには、新しいパスワードを 2 回入力してください。",
        "To encrypt the backup, type the new password twice.");
    public static readonly LocalizedText NewPasswordsDiffer = new("2 回入力したパスワードが一致しません。もう一度入力してください。", "The two passwords differ. Please type them again.");
    public static readonly LocalizedText NewPasswordNotAscii = new(
        "このパスワードは使えません。バックアップのツールは半角の英数字と記号 (255 文字まで) しか受け付けません。",
        "This password cannot be used: the backup tool accepts only ASCII letters, digits and symbols (up to 255).");
    public static readonly LocalizedText BackToStep = new("前のページに戻る", "Back to the step");
    public static readonly LocalizedText AgreeNote = new(
        "ボタンを押すと始まります。途中で中止することもできます。",
        "Pressing the button starts it. You can stop it at any time.");
    public static readonly LocalizedText AlreadyRunning = new("作業を実行中です。", "Something is already running.");
    public static readonly LocalizedText SeeProgress = new("進み具合を見る", "See the progress");
    public static readonly LocalizedText Updating = new(
        "このページは数秒ごとに新しくなります。閉じても作業は続きます (このパソコンで切り分けを動かしている間)。",
        "This page updates itself every few seconds. The work goes on if you close it (while Kiriwake keeps running on this computer).");
    public static readonly LocalizedText UpdateNow = new("今すぐ更新", "Update now");
    public static readonly LocalizedText KeepConnected = new(
        "終わるまでケーブルを抜かず、デバイスのロックを解除したままにしてください。",
        "Keep the cable connected and the device unlocked until it finishes.");
    public static readonly LocalizedText Stop = new("中止する", "Stop");
    public static readonly LocalizedText Stopping = new("中止しています。デバイスとの通信を安全に閉じるまでお待ちください。", "Stopping. Please wait while the connection to the device is closed safely.");
    public static readonly LocalizedText Learned = new("分かったこと", "What Kiriwake found");
    public static readonly LocalizedText NotRecorded = new(
        "結果を診断に記録できませんでした。診断のページに戻って、もう一度お試しください。",
        "The result could not be added to your diagnosis. Go back to the diagnosis and try again.");
    public static readonly LocalizedText Unexpected = new(
        "予期しない問題で作業が止まりました。もう一度お試しください。",
        "An unexpected problem stopped the work. Please try again.");
    public static readonly LocalizedText Continue = new("診断を続ける", "Continue the diagnosis");
    public static readonly LocalizedText GoneJob = new(
        "この作業の記録はありません。切り分けが再起動されたか、時間が経って消えました。診断のページから、もう一度始められます。",
        "There is no record of this work: Kiriwake was restarted, or it was too long ago. You can start it again from the diagnosis.");
    public static readonly LocalizedText LooksLike = new("止まった原因に近い症状: {0}", "What stopped it looks like: {0}");
    public static readonly LocalizedText Percent = new("{0}% 完了", "{0}% done");
    public static readonly LocalizedText StoppedBeforeStart = new("始まる前に中止しました。デバイスには何もしていません。", "Stopped before it started. Nothing was done on the device.");
    public static readonly LocalizedText LeaveOffer = new("通常の起動に戻す", "Restart it normally");

    public static LocalizedText Title(DeviceAction action) => action switch
    {
        DeviceAction.MakeVerifiedBackup => new("バックアップを作る", "Make the backup"),
        DeviceAction.EnterRecovery => new("リカバリモードにする", "Put it into recovery mode"),
        _ => new("リカバリモードを終える", "Leave recovery mode"),
    };

    public static LocalizedText Running(DeviceAction action) => action switch
    {
        DeviceAction.MakeVerifiedBackup => new("バックアップを作っています", "Making the backup"),
        DeviceAction.EnterRecovery => new("リカバリモードに切り替えています", "Switching to recovery mode"),
        _ => new("通常の起動に戻しています", "Restarting normally"),
    };

    public static LocalizedText Button(DeviceAction action) => action switch
    {
        DeviceAction.MakeVerifiedBackup => new("今すぐバックアップを作る", "Make the backup now"),
        DeviceAction.EnterRecovery => new("リカバリモードにする", "Put it into recovery mode"),
        _ => new("通常の起動に戻す", "Restart it normally"),
    };

    public static LocalizedText Done(bool succeeded) => succeeded ? new("終わりました", "Done") : new("うまくいきませんでした", "It did not work");

    // The device page and its facts.
    public static readonly LocalizedText Model = new("機種", "Model");
    public static readonly LocalizedText UseFacts = new("この情報を診断に使う", "Use this in my diagnosis");
    public static readonly LocalizedText UseFactsHelp = new(
        "接続中のデバイスから読み取った情報 (機種、空き容量など) を診断に加えます。分かっていることは質問されなくなります。",
        "Adds what was read from the connected device (model, free storage…) to your diagnosis, so it does not ask what is already known.");
    public static readonly LocalizedText ReadDevice = new("接続中の iPhone・iPad から読み取る", "Read it from the connected iPhone or iPad");
    public static readonly LocalizedText FactsAdded = new("接続中のデバイスの情報を診断に加えました。", "What the connected device shows was added to your diagnosis.");
    public static readonly LocalizedText NoFactsToAdd = new("デバイスから読み取れた情報はありませんでした。", "Nothing could be read from the device.");
    public static readonly LocalizedText ModelFromDevice = new("機種は接続中のデバイスから分かりました: {0}", "The model was read from the connected device: {0}");

    // The password check.
    public static readonly LocalizedText PasswordTitle = new("暗号化バックアップのパスワードを確認", "Check an encrypted backup's password");
    public static readonly LocalizedText PasswordLead = new(
        "暗号化されたバックアップは、パスワードがなければ復元に使えません。覚えているパスワードで開けるかを、バックアップを書き換えずに確かめます。パスワードは確認にだけ使い、保存も記録もしません。",
        "An encrypted backup cannot be restored without its password. This checks whether the password you remember opens it, without changing the backup. The password is used only for the check; it is never saved or written to any log.");
    public static readonly LocalizedText WhichBackup = new("どのバックアップ", "Which backup");
    public static readonly LocalizedText CheckPassword = new("パスワードを確認する", "Check the password");
    public static readonly LocalizedText NoEncrypted = new("このパソコンに暗号化されたバックアップは見つかりませんでした。", "No encrypted backup was found on this computer.");
    public static readonly LocalizedText CheckAnother = new("別のパスワードで試す", "Try another password");
    public static readonly LocalizedText Checking = new("確認には数秒から 1 分ほどかかります。", "The check takes a few seconds to a minute.");
    public static readonly LocalizedText AddedToDiagnosis = new("この結果は診断に記録しました。", "This result was added to your diagnosis.");

    public static LocalizedText Unlock(Evidence.Crypto.UnlockStatus status, bool complete) => status switch
    {
        Evidence.Crypto.UnlockStatus.Unlocked when complete => new(
            "パスワードは正しく、バックアップは最後まで揃っています。このバックアップから復元できます。",
            "The password is right and the backup is complete. You can restore from this backup."),
        Evidence.Crypto.UnlockStatus.Unlocked => new(
            "パスワードは正しいです。ただし、このバックアップは揃っていないか古いため、復元に頼れません。",
            "The password is right. But this backup is incomplete or old, so a restore cannot rely on it."),
        Evidence.Crypto.UnlockStatus.WrongPassword => new(
            "このパスワードでは開けません。別のパスワードを試してください (大文字と小文字は区別されます)。",
            "This password does not open it. Try another one (capital and small letters count)."),
        Evidence.Crypto.UnlockStatus.NotEncrypted => new("このバックアップは暗号化されていません。パスワードは要りません。", "This backup is not encrypted: no password is needed."),
        Evidence.Crypto.UnlockStatus.NoPassword => new("パスワードを入力してください。", "Type the password."),
        Evidence.Crypto.UnlockStatus.PermissionDenied => new("このバックアップを読む権限がありません。", "Kiriwake may not read this backup."),
        _ => new("このバックアップは読めないか、壊れています。", "This backup cannot be read or is damaged."),
    };
}
