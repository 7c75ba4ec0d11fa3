using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>A small knowledge base built in memory: three causes, a question, a cable check whose steps differ by
/// computer, a force restart and a DFU restore (a data-loss step behind the backup gate), and Apple Support.</summary>
internal static class ConversationKnowledge
{
    public const string Symptom = "s-restore-fails";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Citation s_cite = new("assumed", null);

    public static KnowledgeBase Build() => new(new KnowledgeContent(
        Words: [],
        Causes:
        [
            new("c-storage", CauseCategory.Capacity, T("空き容量不足", "Low storage"), T("容量", "Storage"), []),
            new("c-cable", CauseCategory.Connection, T("ケーブル不良", "Faulty cable"), T("断線", "Broken"), []),
            new("c-firmware", CauseCategory.Software, T("ソフトウェアの不具合", "Software fault"), T("不具合", "Fault"), []),
        ],
        Symptoms:
        [
            new(Symptom, SymptomChannel.Restore, T("復元できない", "Restore fails"), T("説明", "Description"), [],
                [new("c-storage", 0.3, s_cite), new("c-cable", 0.3, s_cite), new("c-firmware", 0.4, s_cite)],
                ["free-space", "replace-cable", "force-restart", "dfu-restore"], ["q-storage"], ["apple-support"], null),
        ],
        Actions:
        [
            new("free-space", T("空き容量を増やす", "Free up space"), T("容量が足りないと失敗します", "Restores fail without space"), 10, null, Risk.None, [],
                [new(Platform.Ios, null, [T("設定を開く", "Open Settings")])], null, [new("c-storage", 0.9, s_cite)]),
            new("replace-cable", T("ケーブルを替える", "Replace the cable"), T("断線が多いです", "Cables break"), 5, null, Risk.None, [],
                [
                    new(Platform.WindowsItunes, null, [T("iTunes を閉じてケーブルを替える", "Close iTunes and swap the cable")]),
                    new(Platform.MacosFinder, null, [T("Finder を閉じてケーブルを替える", "Close Finder and swap the cable")]),
                ], null, [new("c-cable", 0.9, s_cite)]),
            new("force-restart", T("強制再起動する", "Force restart"), T("一時的な不具合が消えます", "Clears glitches"), 2, null, Risk.Low, [],
                [], ProcedureKind.ForceRestart, [new("c-firmware", 0.3, s_cite)]),
            new("dfu-restore", T("DFUモードで復元する", "Restore in DFU mode"), T("最後の手段です", "The last resort"), 60, null, Risk.DataLoss, [Gate.BackupVerified],
                [], ProcedureKind.Dfu, [new("c-firmware", 0.95, s_cite)]),
        ],
        Questions:
        [
            new("q-storage", T("空き容量は十分ですか?", "Is there enough free space?"), T("容量不足を除外します", "Rules out low storage"), 1,
                [
                    new("yes", T("はい", "Yes"), new Dictionary<string, double> { ["c-storage"] = 0.05 }, 0.9),
                    new("no", T("いいえ", "No"), new Dictionary<string, double> { ["c-storage"] = 0.95 }, 0.1),
                ], null),
        ],
        Escalations:
        [
            new("apple-support", EscalationKind.AppleSupport, T("Appleサポートに相談する", "Contact Apple Support"), T("専門の診断が必要です", "Needs expert diagnosis"), 240, [],
                [T("シリアル番号を控える", "Note the serial number")]),
        ],
        ErrorCodes: [],
        ErrorCodeRanges: [],
        Procedures:
        [
            new(ProcedureKind.ForceRestart, ButtonFamily.IphoneNoHome, T("強制再起動", "Force restart"), [new(T("音量を上げるボタンを押してすぐ離す", "Press and release volume up"), null, false)], []),
            new(ProcedureKind.ForceRestart, ButtonFamily.IphoneHome, T("強制再起動", "Force restart"), [new(T("ホームボタンとトップボタンを押し続ける", "Hold Home and Top"), 10, true)], []),
            new(ProcedureKind.Dfu, ButtonFamily.IphoneNoHome, T("DFUモード", "DFU mode"), [new(T("サイドボタンを押し続ける", "Hold the side button"), 10, false)], [T("画面は黒いままです", "The screen stays black")]),
        ],
        Models: [new("iPhone12,8", "iPhone SE (2nd generation)", ButtonFamily.IphoneNoHome), new("iPhone8,1", "iPhone 6s", ButtonFamily.IphoneHome)],
        Checklists: [],
        Flows: [],
        Faq: [],
        Acceptance: [new("ac-restored", T("復元が完了した", "The restore finished"), [Symptom])],
        Notes:
        [
            new("dfu-experienced", T("注意: DFUモードは慣れている場合のみ", "Caution: DFU mode only if you are used to it"),
                T("操作を誤ると再試行が必要になります。", "A mistake means starting again.")) { Steps = ["dfu-restore"] },
            new("backup-first", T("重要: 復元の前にバックアップ", "Important: back up before restoring"),
                T("復元作業はデータが消える可能性があります。", "Restoring can erase data.")) { Steps = ["dfu-restore", "apple-support"] },
        ],
        CaseStudies: [],
        Coverage: [])) { Version = "test-v1" };

    public static KnowledgeModels Models() => new(Build());

    public static DiagnosisConversation Start(Language language = Language.Ja, IReadOnlyList<Platform>? platforms = null, bool askContext = true,
        IEnumerable<Core.Facts.Fact>? evidence = null, IEnumerable<KeyValuePair<string, string>>? facts = null, KnowledgeModels? models = null) =>
        DiagnosisConversation.Start(models ?? Models(), Symptom,
            new ConversationOptions { Language = language, PlatformCandidates = platforms ?? [Platform.MacosFinder], AskContext = askContext },
            new FixedTime(T0), evidence, facts);

    /// <summary>Answers every prompt "not fixed" / "no" until a prompt of type T comes (or the session finishes).</summary>
    public static ConversationPrompt AnswerUntil<T>(DiagnosisConversation conversation, string answer = "いいえ")
        where T : ConversationPrompt
    {
        for (var i = 0; i < 50; i++)
        {
            var prompt = conversation.Next();
            if (prompt is T or FinishPrompt)
            {
                return prompt;
            }

            var text = prompt switch
            {
                StepPrompt { View.Kind: Kiriwake.Core.Diagnosis.StepKind.Action } => "直らない",
                DevicePrompt => "3",
                PlatformPrompt => "3",
                _ => answer,
            };
            Assert.True(conversation.Answer(text).Accepted, $"'{text}' for {prompt.Id}");
        }

        throw new InvalidOperationException("no end");
    }

    private static LocalizedText T(string ja, string en) => new(ja, en);
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
