using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli;

/// <summary>How enum values read to a person, in both languages.</summary>
internal static class EnumText
{
    public static LocalizedText Domain(ErrorDomain domain) => domain switch
    {
        ErrorDomain.Restore => new("アップデート/復元", "update/restore"),
        _ => new("バックアップ", "backup"),
    };

    public static LocalizedText Risk(Risk risk) => risk switch
    {
        Core.Knowledge.Risk.None => new("リスクなし", "no risk"),
        Core.Knowledge.Risk.Low => new("低リスク", "low risk"),
        Core.Knowledge.Risk.High => new("高リスク", "high risk"),
        _ => new("データが消える", "erases data"),
    };

    public static LocalizedText Procedure(ProcedureKind kind) => kind switch
    {
        ProcedureKind.ForceRestart => new("強制再起動", "Force restart"),
        ProcedureKind.Recovery => new("リカバリーモード", "Recovery mode"),
        _ => new("DFUモード", "DFU mode"),
    };

    public static LocalizedText Family(ButtonFamily family) => family switch
    {
        ButtonFamily.IphoneHome => new("ホームボタンのあるiPhone(6s以前、SE第1世代)・iPod touch(第6世代以前)", "iPhone with a Home button (6s and earlier, SE 1st gen), iPod touch up to 6th gen"),
        ButtonFamily.Iphone7 => new("iPhone 7 / 7 Plus・iPod touch(第7世代)", "iPhone 7 / 7 Plus, iPod touch (7th gen)"),
        ButtonFamily.IphoneNoHome => new("iPhone 8以降(Face ID搭載機、SE第2・第3世代を含む)", "iPhone 8 and later (incl. Face ID models, SE 2nd/3rd gen)"),
        ButtonFamily.IpadHome => new("ホームボタンのあるiPad", "iPad with a Home button"),
        _ => new("ホームボタンのないiPad", "iPad without a Home button"),
    };
}
