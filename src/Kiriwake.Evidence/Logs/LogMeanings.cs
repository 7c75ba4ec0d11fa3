using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>
/// The analyzer's own words for tool lines that carry no error code (the knowledge base explains codes and
/// messages; these are the libimobiledevice tools' structural lines), in Japanese and English.
/// </summary>
internal static class LogMeanings
{
    public static readonly LocalizedText BackupRefused = new(
        "デバイスがバックアップの開始を拒否しました (ロック中、別のバックアップが進行中、または前回の中断が残っている可能性)。",
        "The device refused to start the backup (locked, another backup running, or an interrupted one left behind).");

    public static readonly LocalizedText BackupEncrypted = new("バックアップは暗号化されます。", "The backup will be encrypted.");

    public static readonly LocalizedText BackupUnencrypted = new("バックアップは暗号化されません。", "The backup will not be encrypted.");

    public static readonly LocalizedText BackupSucceeded = new("バックアップは成功しました。", "The backup succeeded.");

    public static readonly LocalizedText BackupAborted = new("バックアップは途中で中止されました。", "The backup was aborted.");

    public static readonly LocalizedText WaitingForPasscode = new(
        "デバイスでパスコードの入力を待っています (iOS 16.1 以降、約 3 分で時間切れ)。",
        "Waiting for the passcode on the device (iOS 16.1 and later; it times out after about 3 minutes).");

    public static readonly LocalizedText TssRefused = new(
        "Apple の署名サーバー (TSS) が要求を拒否しました。", "Apple's signing server (TSS) refused the request.");

    /// <summary>mobilebackup2 library errors (include/libimobiledevice/mobilebackup2.h).</summary>
    public static LocalizedText MobileBackup2(int code) => code switch
    {
        -3 => new("USB の多重化 (usbmuxd) でエラーが起きました: 接続が切れた可能性があります。", "A USB multiplexing (usbmuxd) error: the connection probably dropped."),
        -4 => new("デバイスとの暗号化された接続が切れました (ケーブル・ポート・ロックを確認)。", "The encrypted connection to the device was lost (check cable, port, lock)."),
        -5 => new("デバイスからの応答が時間切れになりました。", "The device did not answer in time."),
        -6 or -8 => new("バックアップのプロトコルのバージョンが合いません (ツールが古い可能性)。", "The backup protocol versions do not match (the tool may be too old)."),
        _ => new("バックアップ中にデバイスとの通信エラーが起きました。", "Communication with the device failed during the backup."),
    };

    public static LocalizedText RestoreFailure(string what) => what switch
    {
        "Unable to discover device mode" => new(
            "デバイスが見つかりません (接続・ケーブル・ドライバを確認)。", "No device was found (check connection, cable, driver)."),
        "Unable to get SHSH blobs for this device" => new(
            "Apple の署名を得られませんでした: このバージョンはもう署名されていないか、gs.apple.com に届いていません。",
            "Apple's signature could not be obtained: the build is no longer signed, or gs.apple.com is not reachable."),
        "Unable to place device into recovery mode from DFU mode" or "Device did not reconnect in recovery mode" => new(
            "モードの切り替え中にデバイスが再接続しませんでした (USB 接続の問題で起きやすい)。",
            "The device did not come back while switching modes (often a USB connection problem)."),
        _ => new("復元に失敗しました。前後の行に原因があります。", "The restore failed; the lines around it say why."),
    };

    public static LocalizedText DeviceMode(string mode) => mode switch
    {
        "Recovery" => new("デバイスはリカバリモードでした。", "The device was in recovery mode."),
        "DFU" or "Port DFU" => new("デバイスは DFU モードでした。", "The device was in DFU mode."),
        "Restore" => new("デバイスは復元モードでした。", "The device was in restore mode."),
        _ => new("デバイスは通常モードでした。", "The device was in normal mode."),
    };

    /// <summary>
    /// idevicerestore's restore status lines carry the same numbers as iTunes error codes
    /// (ios-errors-and-device.md §4.5: 6, 14, 27, 50/51, 53, 1015).
    /// </summary>
    public static int? RestoreStatusCode(string status) => status.TrimEnd('.') switch
    {
        "Disk Failure" => 6,
        "Fail" => 14,
        "Failed to mount filesystems" => 27,
        "Failed to load SEP Firmware" => 50,
        "Failed to recover FDR data" => 53,
        "X-Gold Baseband Update Failed. Defective Unit?" => 1015,
        _ => null,
    };
}
