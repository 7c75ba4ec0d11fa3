using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>The words the conversation itself says (prompts, answer labels, risks, errors), in both languages.</summary>
public static class ConversationText
{
    public static readonly LocalizedText AnswerFixed = new("直った", "It is fixed");
    public static readonly LocalizedText AnswerNotFixed = new("直らない", "Still failing");
    public static readonly LocalizedText AnswerSkipped = new("できなかった・やらない", "Could not do it / skip it");
    public static readonly LocalizedText AnswerEscalated = new("相談先に引き継いだ", "Handed over");
    public static readonly LocalizedText DidItFix = new("やってみて、直りましたか?", "Having done it: is it fixed?");
    public static readonly LocalizedText Yes = new("はい", "Yes");

    /// <summary>The heading of a step's notes (cautions, security and privacy rules of the documents).</summary>
    public static readonly LocalizedText StepNotesHeading = new("気をつけること", "Keep in mind");

    public static readonly LocalizedText On = new("オン", "on");

    public static readonly LocalizedText Off = new("オフ", "off");
    public static readonly LocalizedText No = new("いいえ", "No");

    public static readonly LocalizedText GateBackup = new(
        "データが消えるおそれのある手順で直る見込みがあります({0})。確認済みのバックアップはありますか?",
        "A step that may erase data could still fix this ({0}). Is there a verified backup?");
    public static readonly LocalizedText GateBackupVerified = new("はい、確認済みのバックアップがある", "Yes, there is a verified backup");
    public static readonly LocalizedText GateAcceptLoss = new("バックアップはないが、データが消えてもよい", "No backup, but losing the data is acceptable");
    public static readonly LocalizedText GateBackupNo = new("いいえ(データを消す手順は行わない)", "No (do not do steps that erase data)");
    public static readonly LocalizedText GateConsent = new("持ち主の同意が必要な手順があります({0})。持ち主は同意しましたか?", "A step needs the device owner's consent ({0}). Has the owner consented?");
    public static readonly LocalizedText GateConsentYes = new("はい、持ち主が同意した", "Yes, the owner consented");
    public static readonly LocalizedText GateConsentNo = new("いいえ", "No");

    public static readonly LocalizedText AskPlatform = new("どのコンピュータとアプリを使っていますか?(手順が違います)", "Which computer and app do you use? (the steps differ)");
    public static readonly LocalizedText AskDevice = new(
        "どの機種ですか?(ボタンの押し方が違います)番号で選ぶか、設定 > 一般 > 情報 の「機種名」をそのまま入力してください。",
        "Which model is it? (the buttons differ) Choose a number, or type the Model Name shown in Settings > General > About.");
    public static readonly LocalizedText Unknown = new("わからない", "I don't know");

    public static readonly LocalizedText FamilyIphoneHome = new("iPhone(ホームボタンあり): iPhone 6s 以前、iPhone SE(第1世代)", "iPhone with a Home button: iPhone 6s and earlier, iPhone SE (1st generation)");
    public static readonly LocalizedText FamilyIphone7 = new("iPhone 7 / iPhone 7 Plus", "iPhone 7 / iPhone 7 Plus");
    public static readonly LocalizedText FamilyIphoneNoHome = new("iPhone 8 以降: iPhone X〜16、iPhone SE(第2・第3世代)", "iPhone 8 and later: iPhone X to 16, iPhone SE (2nd and 3rd generation)");
    public static readonly LocalizedText FamilyIpadHome = new("iPad(ホームボタンあり)", "iPad with a Home button");
    public static readonly LocalizedText FamilyIpadNoHome = new("iPad(ホームボタンなし)", "iPad without a Home button");

    public static readonly LocalizedText PlatformIos = new("iPhone / iPad 本体", "On the iPhone / iPad");
    public static readonly LocalizedText PlatformWindowsItunes = new("Windows の iTunes", "iTunes on Windows");
    public static readonly LocalizedText PlatformWindowsAppleDevices = new("Windows の Apple デバイス アプリ", "The Apple Devices app on Windows");
    public static readonly LocalizedText PlatformMacosFinder = new("Mac の Finder", "Finder on a Mac");

    public static readonly LocalizedText RiskNone = new("なし", "none");
    public static readonly LocalizedText RiskLow = new("低い", "low");
    public static readonly LocalizedText RiskHigh = new("高い(慎重に行ってください)", "high (take care)");
    public static readonly LocalizedText RiskDataLoss = new("データが消えるおそれがあります", "may erase data");

    public static readonly LocalizedText NotAccepted = new("「{0}」は選べません。番号か、次の言葉で答えてください: {1}", "\"{0}\" is not one of the answers. Answer with a number or one of: {1}");
    public static readonly LocalizedText ModelNotFound = new("「{0}」という機種が見つかりません。番号で選ぶか、設定 > 一般 > 情報 の機種名を入力してください。", "No model called \"{0}\" was found. Choose a number, or type the Model Name from Settings > General > About.");
    public static readonly LocalizedText ModelFound = new("{0} として進めます。", "Continuing for {0}.");
    public static readonly LocalizedText SessionOver = new("この診断は終わっています。", "This diagnosis is over.");
    public static readonly LocalizedText NothingToUndo = new("取り消せる回答はありません。", "There is no answer to take back.");

    public static readonly LocalizedText StepMissing = new("以前の回答「{0}」は、今の知識ベースにない手順への回答なので使いません。", "An earlier answer to \"{0}\" is not used: that step is no longer in the knowledge base.");

    public static LocalizedText Risk(Risk risk) => risk switch
    {
        Knowledge.Risk.None => RiskNone,
        Knowledge.Risk.Low => RiskLow,
        Knowledge.Risk.High => RiskHigh,
        _ => RiskDataLoss,
    };

    public static LocalizedText FamilyName(ButtonFamily family) => family switch
    {
        ButtonFamily.IphoneHome => FamilyIphoneHome,
        ButtonFamily.Iphone7 => FamilyIphone7,
        ButtonFamily.IphoneNoHome => FamilyIphoneNoHome,
        ButtonFamily.IpadHome => FamilyIpadHome,
        _ => FamilyIpadNoHome,
    };

    public static LocalizedText PlatformName(Platform platform) => platform switch
    {
        Platform.WindowsItunes => PlatformWindowsItunes,
        Platform.WindowsAppleDevices => PlatformWindowsAppleDevices,
        Platform.MacosFinder => PlatformMacosFinder,
        _ => PlatformIos,
    };
}
