using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>The knowledge base's names of platforms and button families (windows-itunes, iphone-no-home), both ways.</summary>
public static class KebabNames
{
    public static string Of(Platform platform) => platform switch
    {
        Platform.Ios => "ios",
        Platform.WindowsItunes => "windows-itunes",
        Platform.WindowsAppleDevices => "windows-apple-devices",
        Platform.MacosFinder => "macos-finder",
        _ => "any",
    };

    public static string Of(ButtonFamily family) => family switch
    {
        ButtonFamily.IphoneHome => "iphone-home",
        ButtonFamily.Iphone7 => "iphone-7",
        ButtonFamily.IphoneNoHome => "iphone-no-home",
        ButtonFamily.IpadHome => "ipad-home",
        _ => "ipad-no-home",
    };

    public static string Of(Gate gate) => gate switch
    {
        Gate.BackupVerified => "backup-verified",
        Gate.OwnerConsent => "owner-consent",
        _ => "not-managed",
    };

    public static Platform? ParsePlatform(string? name) =>
        Enum.GetValues<Platform>().Where(p => p != Platform.Any).Cast<Platform?>().FirstOrDefault(p => string.Equals(Of(p!.Value), name, StringComparison.OrdinalIgnoreCase));

    public static ButtonFamily? ParseFamily(string? name) =>
        Enum.GetValues<ButtonFamily>().Cast<ButtonFamily?>().FirstOrDefault(f => string.Equals(Of(f!.Value), name, StringComparison.OrdinalIgnoreCase));
}
