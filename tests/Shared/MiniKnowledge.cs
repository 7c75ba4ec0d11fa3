namespace Kiriwake.Tests;

/// <summary>Writes a small, valid knowledge folder into a fresh temporary directory; tests then break one thing.</summary>
internal sealed class MiniKnowledge : IDisposable
{
    public MiniKnowledge()
        : this(Files)
    {
    }

    /// <summary>A knowledge folder made of exactly these files (path → text).</summary>
    public MiniKnowledge(IReadOnlyDictionary<string, string> files)
    {
        Root = Path.Combine(Path.GetTempPath(), "kiriwake-kb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
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
                - { cause: cable-faulty, p: 0.95, word: assumed }
                - { cause: device-hardware-fault, p: 0.05, word: rare, quote: "稀だが可能性あり" }
              actions: [change-cable, dfu-restore, make-verified-backup]
              questions: [q-cable, q-device-owner]
              escalations: [apple-support]
              authoredOrder: [change-cable, dfu-restore, apple-support]
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
            - id: dfu-restore
              title: { ja: "DFU復元", en: "DFU restore" }
              why: { ja: "最終手段", en: "Last resort" }
              cost: 60
              risk: data-loss
              gates: [backup-verified, owner-consent]
              after: [change-cable]
              procedure: dfu
              fixes:
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
              covers: [cable-faulty, device-hardware-fault]
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
        ["checklists/test.yaml"] = """
            - id: technician-checklist
              title: { ja: "技術者向け", en: "For technicians" }
              purpose: { ja: "確認", en: "Checks" }
              items:
                - { id: cable, text: { ja: "純正ケーブルで直接接続したか", en: "Apple cable, direct?" }, ref: change-cable }
            """,
        ["flows/test.yaml"] = """
            - id: restore-4013
              title: { ja: "復旧フロー", en: "Recovery flow" }
              mermaid: test.mmd
              nodes:
                - { id: A, en: "Error 4013" }
                - { id: B, en: "Cable checked?", ref: q-cable }
                - { id: C, en: "Change the cable", ref: change-cable }
                - { id: D, en: "Restored" }
              edges:
                - { label: "いいえ", en: "No" }
                - { label: "はい", en: "Yes" }
            """,
        ["flows/test.mmd"] = """
            flowchart TD
            A[エラー4013発生] --> B{ケーブルは確認済みか}
            B -- いいえ --> C[純正ケーブルで再試行]
            B -- はい --> D[復元成功]
            C --> D
            """,
        ["faq/test.yaml"] = """
            - id: faq-data
              document: error-4013
              question: { ja: "データは消えますか?", en: "Is data erased?" }
              answer: { ja: "DFUは消去します。", en: "DFU erases it." }
              related: [dfu-restore]
            """,
        ["acceptance/test.yaml"] = """
            - id: no-4013-again
              text: { ja: "4013が再発しない", en: "4013 does not recur" }
              symptoms: [restore-error-4013]
            """,
        ["notes/test.yaml"] = """
            - id: backup-first
              title: { ja: "先にバックアップ", en: "Back up first" }
              text: { ja: "復元の前に", en: "Before a restore" }
            """,
        ["cases/test.yaml"] = """
            - id: case-cable
              title: { ja: "ケーブル", en: "Cable" }
              symptom: restore-error-4013
              cause: cable-faulty
              answers: { change-cable: fixed }
              outcome: { ja: "直った", en: "Fixed" }
            """,
        ["coverage/test.yaml"] = """
            - { document: error-4013, line: 4, heading: "エラー4013とは", ids: [restore-error-4013, technician-checklist/cable], as: data }
            """,
    };

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n") + "\n");
    }

    public void Replace(string path, string oldText, string newText)
    {
        var full = Path.Combine(Root, path);
        var text = File.ReadAllText(full);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
