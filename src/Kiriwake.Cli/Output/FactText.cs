using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli;

/// <summary>A fact read from evidence, said in words a person reads (no fact keys, no raw values).</summary>
internal static class FactText
{
    public static string Describe(Fact fact, Language language)
    {
        ArgumentNullException.ThrowIfNull(fact);
        LocalizedText text = fact switch
        {
            { Key: FactKeys.ErrorCode } => ErrorCode(fact.Value),
            { Key: FactKeys.Operation, Value: "restore" } => new("エラーが出た作業: 復元", "What was being done: a restore"),
            { Key: FactKeys.Operation, Value: "update" } => new("エラーが出た作業: アップデート", "What was being done: an update"),
            { Key: FactKeys.DeviceBackupEncryption, Value: "true" } => new("バックアップの暗号化: オン", "Backup encryption: on"),
            { Key: FactKeys.DeviceBackupEncryption, Value: "false" } => new("バックアップの暗号化: オフ", "Backup encryption: off"),
            { Key: FactKeys.BackupLastIncomplete, Value: "true" } => new("前回のバックアップ: 完了しなかった", "The last backup: did not finish"),
            { Key: FactKeys.BackupLastIncomplete, Value: "false" } => new("前回のバックアップ: 完了した", "The last backup: finished"),
            _ => new(fact.Key + " = " + fact.Value, fact.Key + " = " + fact.Value),
        };
        return text.Get(language);
    }

    private static LocalizedText ErrorCode(string value)
    {
        var parts = value.Split(':', 2);
        var domain = parts[0] == "backup" ? ErrorDomain.Backup : ErrorDomain.Restore;
        var code = parts.Length == 2 ? parts[1] : value;
        var name = EnumText.Domain(domain);
        return new("エラーコード: " + code + "(" + name.Ja + ")", "Error code: " + code + " (" + name.En + ")");
    }
}
