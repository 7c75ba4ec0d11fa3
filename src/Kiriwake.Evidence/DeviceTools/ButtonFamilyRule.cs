using System.Globalization;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// ProductType → name → button family. The knowledge base's model table wins; for a ProductType it does not
/// list, the derivation rule by major number (ios-errors-and-device.md §3.1) decides, and beyond the newest
/// majors the rule knows it falls back to the prefix default and asks the person to confirm.
/// </summary>
public static partial class ButtonFamilyRule
{
    // The newest majors in the reference's table (libirecovery snapshot of May 2026).
    private const int NewestIphoneMajor = 18;
    private const int NewestIpadMajor = 17;
    private const int NewestIpodMajor = 9;

    /// <summary>Resolves a ProductType against the model table (may be empty) and then the rule.</summary>
    public static ModelResolution Resolve(string productType, IReadOnlyDictionary<string, DeviceModel>? models)
    {
        ArgumentNullException.ThrowIfNull(productType);
        if (models is not null && models.TryGetValue(productType, out var model))
        {
            return new ModelResolution(productType, model.Name, model.Family, ModelSource.Table, false);
        }

        var match = ProductTypePattern().Match(productType);
        if (!match.Success)
        {
            return new ModelResolution(productType, null, null, ModelSource.Unknown, true);
        }

        var prefix = match.Groups["prefix"].Value;
        var major = int.Parse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var family = FromMajor(prefix, major);
        var beyondKnown = prefix switch
        {
            "iPhone" => major > NewestIphoneMajor,
            "iPad" => major > NewestIpadMajor,
            _ => major > NewestIpodMajor,
        };
        return family is null
            ? new ModelResolution(productType, null, PrefixDefault(prefix), ModelSource.PrefixDefault, true)
            : new ModelResolution(productType, null, family, beyondKnown ? ModelSource.PrefixDefault : ModelSource.Rule, beyondKnown);
    }

    /// <summary>The rule alone: null for a major the rule does not cover (iPad9, iPad10, iPod8).</summary>
    public static ButtonFamily? FromMajor(string prefix, int major) => prefix switch
    {
        "iPhone" when major <= 8 => ButtonFamily.IphoneHome,
        "iPhone" when major == 9 => ButtonFamily.Iphone7,
        "iPhone" => ButtonFamily.IphoneNoHome,
        "iPod" when major <= 7 => ButtonFamily.IphoneHome,
        "iPod" when major >= 9 => ButtonFamily.Iphone7,
        "iPad" when major <= 7 => ButtonFamily.IpadHome,
        "iPad" when major == 8 => ButtonFamily.IpadNoHome,
        "iPad" when major is 11 or 12 => ButtonFamily.IpadHome,
        "iPad" when major >= 13 => ButtonFamily.IpadNoHome,
        _ => null,
    };

    /// <summary>The knowledge base's name for a family: iphone-home, iphone-7, iphone-no-home, ipad-home, ipad-no-home.</summary>
    public static string ToKnowledgeName(this ButtonFamily family) => family switch
    {
        ButtonFamily.IphoneHome => "iphone-home",
        ButtonFamily.Iphone7 => "iphone-7",
        ButtonFamily.IphoneNoHome => "iphone-no-home",
        ButtonFamily.IpadHome => "ipad-home",
        ButtonFamily.IpadNoHome => "ipad-no-home",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    // A future model is most likely shaped like the current ones: no Home button.
    private static ButtonFamily PrefixDefault(string prefix) => prefix switch
    {
        "iPad" => ButtonFamily.IpadNoHome,
        "iPod" => ButtonFamily.Iphone7,
        _ => ButtonFamily.IphoneNoHome,
    };

    [GeneratedRegex(@"^(?<prefix>iPhone|iPad|iPod)(?<major>\d{1,3}),(?<minor>\d{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductTypePattern();
}

/// <summary>What a ProductType resolved to and how sure that is.</summary>
/// <param name="NeedsConfirmation">True when the family is a default to confirm with the person
/// ("Does your device have a round Home button below the screen?").</param>
public sealed record ModelResolution(string ProductType, string? Name, ButtonFamily? Family, ModelSource Source, bool NeedsConfirmation);

public enum ModelSource
{
    /// <summary>The knowledge base's model table.</summary>
    Table,

    /// <summary>The derivation rule by major number.</summary>
    Rule,

    /// <summary>A newer or unlisted major: the default for its prefix.</summary>
    PrefixDefault,

    /// <summary>Not an iPhone, iPad or iPod ProductType.</summary>
    Unknown,
}
