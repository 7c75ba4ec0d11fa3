using Kiriwake.Tests;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>A small knowledge folder for diagnosis tests, written into a fresh temporary directory: one restore
/// symptom with three causes, a cheap check, a force restart, a data-loss restore behind the backup and owner gates
/// (after the lower-risk steps), the step that makes a verified backup, a question bound to a fact, the question
/// whose device it is, Apple Support serving every cause, and the document's fixed order.</summary>
internal sealed class DiagnoseKnowledge : IDisposable
{
    // The reference parts are the shared mini knowledge base's; the diagnosis model is this class's own.
    private static readonly string[] s_borrowed =
        ["words/words.yaml", "error-codes/test.yaml", "procedures/test.yaml", "models/test.yaml", "acceptance/test.yaml"];

    private readonly MiniKnowledge _folder = new(
        MiniKnowledge.Files.Where(f => s_borrowed.Contains(f.Key)).Concat(Files).ToDictionary(f => f.Key, f => f.Value));

    public string Root => _folder.Root;

    public string Temp(string name) => Path.Combine(Root, "tmp-" + name);

    public void Dispose() => _folder.Dispose();

    private static readonly Dictionary<string, string> Files = new()
    {
        ["causes/test.yaml"] = """
            - id: cable-faulty
              category: connection
              title: { ja: "ケーブル不良", en: "Faulty cable" }
              explanation: { ja: "断線", en: "Broken wires" }
              howToTell: [ { ja: "触ると切れる", en: "Drops when touched" } ]
            - id: software-glitch
              category: software
              title: { ja: "一時的な不具合", en: "Temporary glitch" }
              explanation: { ja: "再起動で直る", en: "A restart clears it" }
            - id: device-hardware-fault
              category: hardware
              title: { ja: "故障", en: "Hardware fault" }
              explanation: { ja: "修理が必要", en: "Needs repair" }
            """,
        ["symptoms/test.yaml"] = """
            - id: restore-error-4013
              channel: restore
              title: { ja: "エラー4013", en: "Error 4013" }
              description: { ja: "復元が中断", en: "The restore was interrupted" }
              messages: [ { ja: "不明なエラーが発生しました (4013)。", en: "An unknown error occurred (4013)." } ]
              prior:
                - { cause: cable-faulty, p: 0.6, word: most-common, quote: "最も多い原因" }
                - { cause: software-glitch, p: 0.35, word: assumed }
                - { cause: device-hardware-fault, p: 0.05, word: rare, quote: "稀だが可能性あり" }
              actions: [change-cable, force-restart, dfu-restore, make-verified-backup]
              questions: [q-cable, q-connected, q-device-owner]
              escalations: [apple-support]
              authoredOrder: [dfu-restore, force-restart, change-cable, apple-support]
            """,
        ["actions/test.yaml"] = """
            - id: change-cable
              title: { ja: "ケーブル交換", en: "Change the cable" }
              why: { ja: "最も多い", en: "Most common" }
              cost: 5
              risk: none
              instructions:
                - platform: any
                  steps: [ { ja: "純正ケーブルにする", en: "Use an Apple cable" } ]
              fixes:
                - { cause: cable-faulty, p: 0.7, word: most-common, quote: "最も多い原因の一つ" }
            - id: force-restart
              title: { ja: "強制再起動", en: "Force restart" }
              why: { ja: "一時的な不具合を消す", en: "Clears a temporary glitch" }
              cost: 3
              risk: low
              procedure: dfu
              instructions:
                - platform: ios
                  family: iphone-no-home
                  steps: [ { ja: "音量を上げるボタンを押してすぐ放す", en: "Press and quickly release volume up" } ]
                - platform: ios
                  family: iphone-home
                  steps: [ { ja: "ホームボタンと電源ボタンを押し続ける", en: "Hold Home and the power button" } ]
              fixes:
                - { cause: software-glitch, p: 0.6, word: assumed }
            - id: dfu-restore
              title: { ja: "DFU復元", en: "DFU restore" }
              why: { ja: "最終手段", en: "Last resort" }
              cost: 60
              risk: data-loss
              gates: [backup-verified, owner-consent]
              after: [change-cable, force-restart]
              procedure: dfu
              fixes:
                - { cause: software-glitch, p: 0.95, word: assumed }
                - { cause: cable-faulty, p: 0.05, word: rare }
            - id: make-verified-backup
              title: { ja: "バックアップを作成し確認", en: "Make a backup and verify it" }
              why: { ja: "消去の前に", en: "Before an erase" }
              cost: 60
              risk: none
              opens: backup-verified
              instructions:
                - platform: any
                  steps: [ { ja: "今すぐバックアップ", en: "Back Up Now" } ]
            """,
        ["questions/test.yaml"] = """
            - id: q-cable
              text: { ja: "純正ケーブルですか?", en: "Is it an Apple cable?" }
              why: { ja: "切り分け", en: "To isolate" }
              cost: 0.5
              answers:
                - id: yes
                  text: { ja: "はい", en: "Yes" }
                  given: { cable-faulty: 0.2 }
                  otherwise: 0.8
                - id: no
                  text: { ja: "いいえ", en: "No" }
                  given: { cable-faulty: 0.8 }
                  otherwise: 0.2
            - id: q-connected
              text: { ja: "パソコンに認識されていますか?", en: "Does the computer see the device?" }
              why: { ja: "接続の確認", en: "Checks the connection" }
              cost: 1
              fact: { key: device.connected, answers: { "true": yes, "false": no } }
              answers:
                - id: yes
                  text: { ja: "はい", en: "Yes" }
                  given: { cable-faulty: 0.3, device-hardware-fault: 0.2 }
                  otherwise: 0.95
                - id: no
                  text: { ja: "いいえ", en: "No" }
                  given: { cable-faulty: 0.7, device-hardware-fault: 0.8 }
                  otherwise: 0.05
            - id: q-device-owner
              text: { ja: "どなたの端末ですか?", en: "Whose device is this?" }
              why: { ja: "消去の前に", en: "Before an erase" }
              cost: 0.5
              fact: { key: case.device-owner, answers: { "self": "own", "other": "someone-else" } }
              answers:
                - id: own
                  text: { ja: "自分の", en: "My own" }
                  otherwise: 0.9
                  opens: [owner-consent]
                - id: someone-else
                  text: { ja: "他の人の", en: "Someone else's" }
                  otherwise: 0.1
            """,
        ["escalations/test.yaml"] = """
            - id: apple-support
              kind: apple-support
              title: { ja: "Appleサポート", en: "Apple Support" }
              why: { ja: "診断", en: "Diagnosis" }
              cost: 120
              covers: [cable-faulty, software-glitch, device-hardware-fault]
              prepare: [ { ja: "ログ", en: "Logs" } ]
            """,
        ["coverage/test.yaml"] = """
            - { document: error-4013, line: 4, heading: "エラー4013とは", ids: [restore-error-4013], as: data }
            """,
    };
}
