using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Diagnosis;

/// <summary>The kebab-case names of model families and platforms used in forms, the API and the store.</summary>
public static class Names
{
    public static string Family(ButtonFamily family) => family switch
    {
        ButtonFamily.IphoneHome => "iphone-home",
        ButtonFamily.Iphone7 => "iphone-7",
        ButtonFamily.IphoneNoHome => "iphone-no-home",
        ButtonFamily.IpadHome => "ipad-home",
        _ => "ipad-no-home",
    };

    public static string Platform(Platform platform) => platform switch
    {
        Core.Knowledge.Platform.Ios => "ios",
        Core.Knowledge.Platform.WindowsItunes => "windows-itunes",
        Core.Knowledge.Platform.WindowsAppleDevices => "windows-apple-devices",
        Core.Knowledge.Platform.MacosFinder => "macos-finder",
        _ => "any",
    };

    public static ButtonFamily? ParseFamily(string? value) =>
        Enum.GetValues<ButtonFamily>().Cast<ButtonFamily?>().FirstOrDefault(f => string.Equals(Family(f!.Value), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Platform? ParsePlatform(string? value) =>
        Enum.GetValues<Platform>().Where(p => p != Core.Knowledge.Platform.Any).Cast<Platform?>()
            .FirstOrDefault(p => string.Equals(Platform(p!.Value), value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Language? ParseLanguage(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "JA" => Language.Ja,
        "EN" => Language.En,
        _ => null,
    };

    public static string Code(Language language) => language == Language.Ja ? "ja" : "en";
}
