using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>Facts in a person's words: "バックアップの確認: はい" instead of <c>backup.verified = true</c>. The one
/// place for these words: the report, `kiriwake analyze` and any other front end say facts through it.</summary>
public static class FactText
{
    private static readonly Dictionary<string, LocalizedText> s_labels = new(StringComparer.Ordinal)
    {
        [FactKeys.BackupVerified] = new("確認済みのバックアップがある", "A verified backup exists"),
        [FactKeys.BackupLastIncomplete] = new("前回のバックアップが途中で終わった", "The last backup did not finish"),
        [FactKeys.BackupDestinationFull] = new("バックアップ先の空き容量が足りない", "The backup destination is full"),
        [FactKeys.BackupEncrypted] = new("バックアップが暗号化されている", "The backup is encrypted"),
        [FactKeys.DeviceFreeBytes] = new("端末の空き容量", "Free space on the device"),
        [FactKeys.DeviceStorageLow] = new("端末の空き容量が少ない", "The device is low on space"),
        [FactKeys.DeviceCharging] = new("端末を充電中", "The device is charging"),
        [FactKeys.DeviceBatteryPercent] = new("バッテリー残量", "Battery level"),
        [FactKeys.DeviceProductType] = new("機種", "Model"),
        [FactKeys.DeviceButtonFamily] = new("機種の種類", "Kind of model"),
        [FactKeys.ComputerPlatform] = new("使っているコンピュータとアプリ", "Computer and app"),
        [FactKeys.DeviceIosVersion] = new("iOS のバージョン", "iOS version"),
        [FactKeys.DeviceConnection] = new("端末との接続", "Connection to the device"),
        [FactKeys.DeviceConnected] = new("コンピュータが端末を認識している", "The computer sees the device"),
        [FactKeys.DeviceBackupEncryption] = new("バックアップの暗号化", "Backup encryption"),
        [FactKeys.DeviceManaged] = new("組織が管理している端末", "The device is managed by an organisation"),
        [FactKeys.ErrorCode] = new("エラーコード", "Error code"),
        [FactKeys.Operation] = new("エラーが出た作業", "What was being done"),
        [FactKeys.OwnerConsent] = new("持ち主の同意", "The owner consented"),
        [FactKeys.DataLossAccepted] = new("データが消えてもよい", "Losing data is acceptable"),
    };

    private static readonly Dictionary<string, LocalizedText> s_connection = new(StringComparer.Ordinal)
    {
        ["connected"] = new("接続済み", "connected"),
        ["no-device"] = new("端末が見つからない", "no device found"),
        ["trust-pending"] = new("「このコンピュータを信頼」待ち", "waiting for \"Trust This Computer\""),
        ["locked"] = new("画面がロックされている", "the screen is locked"),
        ["denied"] = new("信頼が拒否された", "trust was denied"),
        ["stale-pairing"] = new("古いペアリング情報", "a stale pairing"),
        ["recovery"] = new("リカバリーモード", "recovery mode"),
        ["dfu"] = new("DFUモード", "DFU mode"),
        ["tool-missing"] = new("読み取りツールがない", "the device tools are not installed"),
        ["connection-error"] = new("接続エラー", "connection error"),
        ["timed-out"] = new("応答なし", "no response"),
    };

    private static readonly Dictionary<string, LocalizedText> s_operation = new(StringComparer.Ordinal)
    {
        ["restore"] = new("復元", "a restore"),
        ["update"] = new("アップデート", "an update"),
    };

    /// <summary>The fact as one line a person reads ("エラーコード: 4013(アップデート・復元)"); null for a fact
    /// that has no words for people (technicians see those in their own view).</summary>
    public static string? Describe(KnowledgeBase kb, Fact fact, Language language)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return IsKnown(fact.Key) ? Label(fact.Key, language) + ": " + Value(kb, fact.Key, fact.Value, language) : null;
    }

    /// <summary>Whether the fact has a label for people (facts without one are shown only to technicians).</summary>
    public static bool IsKnown(string key) => s_labels.ContainsKey(key);

    public static string Label(string key, Language language) => s_labels.TryGetValue(key, out var t) ? t.Get(language) : key;

    public static string Value(KnowledgeBase kb, string key, string value, Language language)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(value);
        if (key == FactKeys.DeviceBackupEncryption && bool.TryParse(value, out var on))
        {
            return (on ? ConversationText.On : ConversationText.Off).Get(language);
        }

        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return ConversationText.Yes.Get(language);
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return ConversationText.No.Get(language);
        }

        if (value == DiagnosisConversation.UnknownValue)
        {
            return ConversationText.Unknown.Get(language);
        }

        switch (key)
        {
            case FactKeys.DeviceButtonFamily when KebabNames.ParseFamily(value) is { } f:
                return ConversationText.FamilyName(f).Get(language);
            case FactKeys.ComputerPlatform when KebabNames.ParsePlatform(value) is { } p:
                return ConversationText.PlatformName(p).Get(language);
            case FactKeys.DeviceProductType when kb.Models.TryGetValue(value, out var m):
                return m.Name;
            case FactKeys.DeviceConnection when s_connection.TryGetValue(value, out var c):
                return c.Get(language);
            case FactKeys.DeviceFreeBytes when long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bytes):
                return (bytes / 1e9).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " GB";
            case FactKeys.Operation when s_operation.TryGetValue(value, out var o):
                return o.Get(language);
            case FactKeys.DeviceBatteryPercent:
                return value + "%";
            case FactKeys.ErrorCode:
                var parts = value.Split(':', 2);
                return parts.Length == 2
                    ? parts[1] + (language == Language.Ja ? (parts[0] == "backup" ? "(バックアップ)" : "(アップデート・復元)") : (parts[0] == "backup" ? " (backup)" : " (update/restore)"))
                    : value;
            default:
                return value;
        }
    }
}
