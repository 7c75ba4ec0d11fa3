using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>What each connection state means to the person and what to do about it, in Japanese and English.</summary>
public static class ConnectionStateText
{
    public static LocalizedText Title(ConnectionState state) => state switch
    {
        ConnectionState.Connected => new("デバイスと通信できています (信頼済み)", "The device is connected and trusts this computer"),
        ConnectionState.ToolMissing => new("libimobiledevice のツールがインストールされていません", "The libimobiledevice tools are not installed"),
        ConnectionState.NoDevice => new("デバイスが見つかりません", "No device found"),
        ConnectionState.TrustPending => new("デバイスに「このコンピュータを信頼しますか?」が表示されています", "The device is showing \"Trust This Computer?\""),
        ConnectionState.Locked => new("デバイスがパスコードでロックされています", "The device is locked with its passcode"),
        ConnectionState.Denied => new("デバイスで「信頼しない」が選ばれました", "\"Don't Trust\" was chosen on the device"),
        ConnectionState.StalePairing => new("このコンピュータの信頼情報が古くなっています", "This computer's pairing record is out of date"),
        ConnectionState.Recovery => new("デバイスはリカバリモードです", "The device is in recovery mode"),
        ConnectionState.Dfu => new("デバイスは DFU モードです", "The device is in DFU mode"),
        ConnectionState.ConnectionError => new("デバイスとの通信でエラーが起きました", "Communication with the device failed"),
        ConnectionState.TimedOut => new("ツールが時間内に応答しませんでした", "The tool did not answer in time"),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The fix to show; each line is one step.</summary>
    public static IReadOnlyList<LocalizedText> Fix(ConnectionState state) => state switch
    {
        ConnectionState.Connected => [],
        ConnectionState.ToolMissing => ToolInstallHelp.Steps,
        ConnectionState.NoDevice =>
        [
            new("ケーブルでコンピュータに直接つなぎ (ハブやキーボードの USB ポートは避ける)、デバイスの画面をオンにしてください。",
                "Connect the device directly to the computer with a cable (not through a hub or keyboard port) and wake its screen."),
            new("Windows では Apple Devices アプリ (または iTunes) を入れて「Apple Mobile Device Service」が動いていることを、Linux では usbmuxd が動いていることを確かめてください。",
                "On Windows install the Apple Devices app (or iTunes) so that \"Apple Mobile Device Service\" runs; on Linux make sure usbmuxd is running."),
            new("別のケーブル・別の USB ポートでも試してください。", "Try another cable and another USB port."),
        ],
        ConnectionState.TrustPending =>
        [
            new("デバイスのロックを解除し、「このコンピュータを信頼しますか?」で「信頼」をタップしてパスコードを入力してください。",
                "Unlock the device, tap \"Trust\" on \"Trust This Computer?\" and enter the passcode."),
            new("その後、もう一度調べてください。", "Then look again."),
        ],
        ConnectionState.Locked =>
        [
            new("デバイスのパスコードを入力してロックを解除し、ホーム画面を表示したままにしてください。",
                "Enter the passcode to unlock the device and keep the Home Screen showing."),
            new("「このコンピュータを信頼しますか?」が出たら「信頼」をタップしてください。", "If \"Trust This Computer?\" appears, tap \"Trust\"."),
        ],
        ConnectionState.Denied =>
        [
            new("ケーブルを抜いて差し直し、今度は「信頼」をタップしてください。", "Unplug and reconnect the cable, then tap \"Trust\" this time."),
            new("表示されない場合は、デバイスの「設定」>「一般」>「転送またはリセット」>「リセット」>「位置情報とプライバシーをリセット」で信頼の選択を消してからつなぎ直してください。",
                "If it does not ask again, reset the choice on the device (Settings > General > Transfer or Reset > Reset > Reset Location & Privacy) and reconnect."),
        ],
        ConnectionState.StalePairing =>
        [
            new("まずデバイスのロックを解除し、「信頼」が表示されたらタップしてください (ロック中の未ペアリングでも同じエラーになる版があります)。",
                "First unlock the device and tap \"Trust\" if asked (some versions report this error for a locked, unpaired device too)."),
            new("それでも続く場合は、コンピュータ側で `idevicepair unpair` のあと `idevicepair pair` を実行して信頼し直してください。",
                "If it persists, run `idevicepair unpair` and then `idevicepair pair` on the computer to pair again."),
        ],
        ConnectionState.Recovery =>
        [
            new("Finder / Apple Devices / iTunes で「アップデート」を先に選んでください (データを残します)。「復元」はデータを消去します。",
                "In Finder, the Apple Devices app or iTunes choose \"Update\" first (keeps data); \"Restore\" erases the device."),
            new("ダウンロードに 15 分以上かかって画面が戻った場合は、ダウンロード完了後にもう一度リカバリモードに入れてください。",
                "If the download takes more than 15 minutes and the device leaves the recovery screen, let it finish and enter recovery mode again."),
        ],
        ConnectionState.Dfu =>
        [
            new("DFU モードからは「復元」しかできず、データは消去されます。確認済みのバックアップがあるときだけ進めてください。",
                "From DFU mode only \"Restore\" is possible, and it erases the device. Go on only with a verified backup."),
            new("データを残したい場合は、強制再起動してからリカバリモードで「アップデート」を試してください。",
                "To keep data, force restart the device and try \"Update\" from recovery mode instead."),
        ],
        ConnectionState.ConnectionError =>
        [
            new("ケーブルを差し直し、デバイスのロックを解除してからもう一度調べてください。", "Reconnect the cable, unlock the device and look again."),
            new("続く場合はコンピュータとデバイスを再起動してください。", "If it persists, restart the computer and the device."),
        ],
        ConnectionState.TimedOut =>
        [
            new("ケーブルを差し直してもう一度調べてください。続く場合は usbmuxd (Windows では Apple Mobile Device Service) を再起動してください。",
                "Reconnect the cable and look again; if it persists, restart usbmuxd (on Windows, Apple Mobile Device Service)."),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
