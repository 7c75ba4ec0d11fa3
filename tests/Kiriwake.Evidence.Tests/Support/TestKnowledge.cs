using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Tests.Support;

/// <summary>
/// A small knowledge base built in code, shaped like the real one: the 4013 family, a network code with its
/// range, backup codes 105/207/208, and symptoms with the exact ja/en messages of the reference.
/// </summary>
internal static class TestKnowledge
{
    public static KnowledgeBase Create(IReadOnlyList<DeviceModel>? models = null)
    {
        var causes = new[]
        {
            Cause("usb-connection", CauseCategory.Connection),
            Cause("cable-faulty", CauseCategory.Connection),
            Cause("device-hardware-fault", CauseCategory.Hardware),
            Cause("signing-server-blocked", CauseCategory.Service),
            Cause("computer-disk-full", CauseCategory.Capacity),
            Cause("icloud-storage-full", CauseCategory.Capacity),
            Cause("device-locked", CauseCategory.Restriction),
            Cause("wrong-backup-password", CauseCategory.Account),
        };
        var symptoms = new[]
        {
            Symptom("restore-error-4013", SymptomChannel.Restore,
                [new("を復元できませんでした。不明なエラーが発生しました (4013)", "could not be restored. An unknown error occurred (4013)"),
                    new("不明なエラーが発生しました (4013)。", "An unknown error occurred (4013).")],
                ("usb-connection", 0.5), ("cable-faulty", 0.35), ("device-hardware-fault", 0.15)),
            Symptom("restore-network-error", SymptomChannel.Restore, [], ("signing-server-blocked", 1.0)),
            // The real knowledge base has this generic wording too; a dialog with a known code must not land here.
            Symptom("restore-unknown-error", SymptomChannel.Restore,
                [new("を復元できませんでした。不明なエラーが発生しました", "could not be restored. An unknown error occurred")],
                ("device-hardware-fault", 1.0)),
            Symptom("computer-backup-failed", SymptomChannel.Computer,
                [new("iPhoneがコンピュータから取り外されたため、iPhone\"名前\"をバックアップできませんでした。",
                    "…because the iPhone disconnected.")],
                ("cable-faulty", 0.6), ("device-locked", 0.4)),
            Symptom("computer-disk-full", SymptomChannel.Computer,
                [new("ドライブにバックアップするための十分な空き容量がありません", "Insufficient free disk space on drive to back up")],
                ("computer-disk-full", 1.0)),
            Symptom("icloud-storage-full", SymptomChannel.Icloud,
                [new("このiPhoneをバックアップするのに十分なiCloudの空き容量がありません。", "There is not enough iCloud storage to back up this iPhone.")],
                ("icloud-storage-full", 1.0)),
        };
        var codes = new[]
        {
            Code(4013, ErrorDomain.Restore, "usb", ["restore-error-4013"], ["usb-connection", "device-hardware-fault", "cable-faulty"]),
            Code(9, ErrorDomain.Restore, "usb", ["restore-error-4013"], ["usb-connection", "cable-faulty"]),
            Code(17, ErrorDomain.Restore, "network", ["restore-network-error"], ["signing-server-blocked"]),
            Code(3194, ErrorDomain.Restore, "network", ["restore-network-error"], ["signing-server-blocked"]),
            Code(27, ErrorDomain.Restore, "hardware", ["restore-error-4013"], ["device-hardware-fault"]),
            Code(105, ErrorDomain.Backup, "capacity", ["computer-backup-failed", "computer-disk-full"], ["computer-disk-full"]),
            Code(207, ErrorDomain.Backup, "password", ["computer-backup-failed"], ["wrong-backup-password"]),
            Code(208, ErrorDomain.Backup, "locked", ["computer-backup-failed"], ["device-locked"]),
        };
        var ranges = new[]
        {
            new ErrorCodeRange(3000, 3999, ErrorDomain.Restore, "network", new("ネットワーク", "network")),
        };
        return new KnowledgeBase(new KnowledgeContent(
            [], causes, symptoms, [], [], [], codes, ranges, [], models ?? [], [], [], [], [], [], [], []));
    }

    private static Cause Cause(string id, CauseCategory category) =>
        new(id, category, new(id + " (ja)", id), new("説明", "explanation"), []);

    private static Symptom Symptom(string id, SymptomChannel channel, LocalizedText[] messages, params (string Cause, double P)[] prior) =>
        new(id, channel, new(id + " (ja)", id), new("説明", "description"), messages,
            prior.Select(p => new PriorEntry(p.Cause, p.P, new Citation("assumed", null))).ToList(), [], [], [], null);

    private static ErrorCode Code(int code, ErrorDomain domain, string cls, string[] symptoms, string[] causes) =>
        new(code, domain, cls, new($"コード {code}", $"code {code}"), [], symptoms, causes, []);
}
