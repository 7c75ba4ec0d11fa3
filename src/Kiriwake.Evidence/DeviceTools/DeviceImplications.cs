using System.Globalization;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>What the device facts mean for the person's problem, each with a stable id and ja/en text.</summary>
public static class DeviceImplications
{
    /// <summary>Below this battery level, without power, iOS does not install an update.</summary>
    public const int UpdateBatteryPercent = 50;

    /// <summary>Below this share of design capacity Apple considers a battery worn (battery service).</summary>
    public const int WornBatteryHealthPercent = 80;

    public static IReadOnlyList<Implication> For(DeviceFacts device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var result = new List<Implication>();
        if (device.DevicesListed > 1)
        {
            result.Add(new("several-devices", new(
                $"{device.DevicesListed} 台のデバイスがつながっています。最初の 1 台 ({device.Udid}) を調べました。別の台は --udid で指定してください。",
                $"{device.DevicesListed} devices are connected; the first ({device.Udid}) was examined. Choose another with --udid.")));
        }

        if (device.State == ConnectionState.NoDevice && device.RecoveryToolMissing)
        {
            result.Add(new("recovery-not-checked", new(
                "irecovery がないため、リカバリモードや DFU モードのデバイスは見つけられません (画面にケーブルとコンピュータの絵が出ていればリカバリモードです)。",
                "irecovery is not installed, so a device in recovery or DFU mode cannot be seen (a cable-and-computer picture on screen means recovery mode).")));
        }

        if (device.Model is { NeedsConfirmation: true } model)
        {
            result.Add(new("confirm-button-family", new(
                $"{model.ProductType} は既知の機種表にありません。画面の下に丸いホームボタンがあるか確かめてください (ボタン操作の手順が変わります)。",
                $"{model.ProductType} is not in the known model table. Check whether the device has a round Home button below the screen (the button steps differ).")));
        }

        if (device.StorageLow == true && device.Disk.FreeBytes is { } free)
        {
            result.Add(new("storage-low", new(
                $"空き容量が約 {Gb(free)} GB しかありません ({Gb(device.StorageLowThresholdBytes)} GB 未満)。iOS のアップデートには通常数 GB の空きが必要です。不要なアプリや写真を減らしてから試してください。",
                $"Only about {Gb(free)} GB is free (less than {Gb(device.StorageLowThresholdBytes)} GB). An iOS update usually needs several GB; free up space before trying.")));
        }

        if (device.Battery.OnPower == false)
        {
            result.Add(new("not-on-power", new(
                "電源につながっていないため、iCloud の自動バックアップは実行されません (自動バックアップには電源・Wi-Fi・画面ロックが必要です)。",
                "The device is not on power, so iCloud's automatic backup will not run (it needs power, Wi-Fi and a locked screen).")));
            if (device.Battery.Percent is { } percent && percent < UpdateBatteryPercent)
            {
                result.Add(new("battery-low-for-update", new(
                    $"バッテリー残量が {percent}% で電源にもつながっていないため、iOS のアップデートはインストールされません。充電器につないでください。",
                    $"The battery is at {percent}% and not on power, so an iOS update will not install. Connect a charger.")));
            }
        }

        if (device.BatteryHealth.HealthPercent is { } health && health < WornBatteryHealthPercent)
        {
            result.Add(new("battery-worn", new(
                $"バッテリーの最大容量が設計値の約 {health}% です。劣化したバッテリーは作業中の突然の電源断につながります。",
                $"The battery holds about {health}% of its design capacity; a worn battery can shut the device down in the middle of a backup or update.")));
        }

        switch (device.Backup.WillEncrypt)
        {
            case true:
                result.Add(new("backup-encrypted", new(
                    "コンピュータへのバックアップは暗号化されます。復元にはそのパスワードが必要です。パスワードを確認しておいてください。",
                    "Computer backups are encrypted; restoring needs that password. Make sure you know it.")));
                break;
            case false:
                result.Add(new("backup-not-encrypted", new(
                    "コンピュータへのバックアップは暗号化されません。保存したパスワード・ヘルスケア・Wi-Fi 設定はバックアップに含まれません。",
                    "Computer backups are not encrypted, so saved passwords, Health data and Wi-Fi settings are not included.")));
                break;
        }

        if (device.Managed == true)
        {
            result.Add(new("managed", new(
                "このデバイスは組織に管理されています。バックアップや復元の制限は管理者に相談してください。",
                "This device is managed by an organisation; take restrictions on backup or restore to its administrator.")));
        }

        return result;
    }

    private static string Gb(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>One consequence of the device facts.</summary>
public sealed record Implication(string Id, LocalizedText Text);
