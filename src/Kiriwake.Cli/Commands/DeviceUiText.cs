using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>The words of `kiriwake device` and `kiriwake analyze`, in both languages.</summary>
internal static class DeviceUiText
{
    public static readonly LocalizedText Looking = new("デバイスを調べています…", "Looking at the device…");
    public static readonly LocalizedText DeviceHeading = new("接続されたデバイス", "Connected device");
    public static readonly LocalizedText State = new("状態", "State");
    public static readonly LocalizedText Evidence = new("根拠", "Evidence");
    public static readonly LocalizedText WhatToDo = new("対処:", "What to do:");
    public static readonly LocalizedText Model = new("機種", "Model");
    public static readonly LocalizedText Buttons = new("ボタン配置", "Buttons");
    public static readonly LocalizedText ToConfirm = new("(要確認)", "(to confirm)");
    public static readonly LocalizedText Ios = new("iOS", "iOS");
    public static readonly LocalizedText Storage = new("空き容量", "Free storage");
    public static readonly LocalizedText StorageValue = new("約 {0} GB (最大 {1} GB) / 全体 {2} GB", "about {0} GB (up to {1} GB) of {2} GB");
    public static readonly LocalizedText Battery = new("バッテリー", "Battery");
    public static readonly LocalizedText OnPower = new("電源に接続中", "on power");
    public static readonly LocalizedText NotOnPower = new("電源に未接続", "not on power");
    public static readonly LocalizedText Health = new("最大容量 {0}% ({1} 回充電)", "health {0}% ({1} cycles)");
    public static readonly LocalizedText BackupEncryption = new("バックアップの暗号化", "Backup encryption");
    public static readonly LocalizedText On = new("オン", "on");
    public static readonly LocalizedText Off = new("オフ", "off");
    public static readonly LocalizedText Managed = new("管理", "Managed");
    public static readonly LocalizedText ManagedYes = new("組織の管理下にあります", "managed by an organisation");
    public static readonly LocalizedText Mode = new("モード", "Mode");
    public static readonly LocalizedText Unknown = new("不明", "unknown");
    public static readonly LocalizedText Implications = new("ここから言えること:", "What this means:");
    public static readonly LocalizedText FactsUsed = new("診断で自動的に使われる事実: {0} 件 (`--format json` で一覧)", "{0} fact(s) the diagnosis will use on its own (listed with `--format json`)");
    public static readonly LocalizedText Warnings = new("読み取れなかった行: {0} 件 (`--format json` で一覧)", "{0} line(s) could not be read (listed with `--format json`)");

    public static readonly LocalizedText AnalyzeHeading = new("見つかったもの", "Findings");
    public static readonly LocalizedText Line = new("{0} 行目", "line {0}");
    public static readonly LocalizedText AlsoAt = new("(ほかに {0} 行目)", "(also on line {0})");
    public static readonly LocalizedText Confidence = new("確からしさ", "confidence");
    public static readonly LocalizedText Symptoms = new("症状", "Symptoms");
    public static readonly LocalizedText Causes = new("考えられる原因", "Likely causes");
    public static readonly LocalizedText NotInKnowledge = new("この番号は知識ベースにありません。", "This number is not in the knowledge base.");
    public static readonly LocalizedText NothingFound = new("エラーコードや既知のメッセージは見つかりませんでした。", "No error code or known message was found.");
    public static readonly LocalizedText FactsFromText = new("テキストから分かった事実:", "Facts found in the text:");
    public static readonly LocalizedText DiagnoseNext = new("この結果から切り分けを始めるには:", "To start the diagnosis from this:");
    public static readonly LocalizedText TooLarge = new("ファイルが大きすぎます ({0} MB 超)。該当部分だけを渡してください。", "The file is too large (over {0} MB); pass only the relevant part.");
}
