namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>A small knowledge folder for diagnosis tests, written into a fresh temporary directory: one restore
/// symptom with three causes, a cheap check, a force restart, a data-loss restore behind the backup gate, a
/// question bound to a fact, Apple Support, and the document's fixed order.</summary>
internal sealed class DiagnoseKnowledge : IDisposable
{
    public DiagnoseKnowledge()
    {
        Root = Path.Combine(Path.GetTempPath(), "kiriwake-diag-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.ReplaceLineEndings("\n") + "\n");
        }
    }

    public string Root { get; }

    public string Temp(string name) => Path.Combine(Root, "tmp-" + name);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static readonly Dictionary<string, string> Files = new()
    {
        ["words/words.yaml"] = """
            - id: most-common
              word: { ja: "最も多い", en: "the most common" }
              value: 0.6
              min: 0.3
              max: 0.8
              meaning: { ja: "最頻出", en: "most frequent" }
            - id: rare
              word: { ja: "稀", en: "rare" }
              value: 0.05
              min: 0
              max: 0.1
              meaning: { ja: "まれ", en: "seldom" }
            - id: assumed
              word: { ja: "仮定", en: "assumed" }
              value: 0.5
              min: 0
              max: 1
              meaning: { ja: "文書にない", en: "not stated" }
            """,
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
              actions: [change-cable, force-restart, dfu-restore]
              questions: [q-cable, q-connected]
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
              gates: [backup-verified]
              procedure: dfu
              fixes:
                - { cause: software-glitch, p: 0.95, word: assumed }
                - { cause: cable-faulty, p: 0.05, word: rare }
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
            """,
        ["escalations/test.yaml"] = """
            - id: apple-support
              kind: apple-support
              title: { ja: "Appleサポート", en: "Apple Support" }
              why: { ja: "診断", en: "Diagnosis" }
              cost: 120
              covers: []
              prepare: [ { ja: "ログ", en: "Logs" } ]
            """,
        ["error-codes/test.yaml"] = """
            - code: 4013
              domain: restore
              class: device-connection
              meaning: { ja: "接続が切れた", en: "The connection dropped" }
              messages: [ { ja: "(4013)", en: "(4013)" } ]
              symptoms: [restore-error-4013]
              causes: [cable-faulty]
              firstSteps: [change-cable]
            """,
        ["procedures/test.yaml"] = """
            - kind: dfu
              family: iphone-no-home
              title: { ja: "DFU", en: "DFU" }
              steps:
                - { text: { ja: "音量を上げるボタンを押してすぐ放す", en: "Press and quickly release volume up" } }
                - { text: { ja: "サイドボタンを押し続ける", en: "Hold the side button" }, seconds: 10, approximate: true }
            """,
        ["models/test.yaml"] = """
            - { productType: "iPhone12,8", name: "iPhone SE (2nd generation)", family: iphone-no-home }
            """,
        ["acceptance/test.yaml"] = """
            - id: no-4013-again
              text: { ja: "4013が再発しない", en: "4013 does not recur" }
              symptoms: [restore-error-4013]
            """,
        ["coverage/test.yaml"] = """
            - { document: error-4013, line: 4, heading: "エラー4013とは", ids: [restore-error-4013] }
            """,
    };
}
