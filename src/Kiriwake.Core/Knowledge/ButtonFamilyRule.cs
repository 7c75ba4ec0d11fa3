using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiriwake.Core.Knowledge;

/// <summary>
/// The button family of a ProductType by its major number (ios-errors-and-device.md §3.1), for models the table
/// does not list yet. Future iPhones default to family C and future iPads to "without Home", to be confirmed.
/// </summary>
public static partial class ButtonFamilyRule
{
    [GeneratedRegex(@"^(?<kind>iPhone|iPad|iPod)(?<major>\d{1,3}),(?<minor>\d{1,3})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProductTypePattern();

    public static bool IsProductType(string text) => ProductTypePattern().IsMatch(text.Trim());

    /// <summary>The family the rule gives, or null when the text is not a ProductType.</summary>
    public static ButtonFamily? FromProductType(string productType)
    {
        ArgumentNullException.ThrowIfNull(productType);
        var match = ProductTypePattern().Match(productType.Trim());
        if (!match.Success)
        {
            return null;
        }

        var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        return match.Groups["kind"].Value.ToUpperInvariant() switch
        {
            "IPHONE" => major <= 8 ? ButtonFamily.IphoneHome : major == 9 ? ButtonFamily.Iphone7 : ButtonFamily.IphoneNoHome,
            "IPOD" => major <= 7 ? ButtonFamily.IphoneHome : ButtonFamily.Iphone7,
            _ => major is <= 7 or 11 or 12 ? ButtonFamily.IpadHome : ButtonFamily.IpadNoHome,
        };
    }
}
