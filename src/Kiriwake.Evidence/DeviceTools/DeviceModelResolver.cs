using System.Globalization;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// ProductType → name → button family for a connected device. The knowledge base's model table wins; for a
/// ProductType it does not list, Core's <see cref="ButtonFamilyRule"/> (by major number, ios-errors-and-device.md
/// §3.1) decides. Within the majors the reference's table covers, the rule is certain; beyond them (a future
/// model) or for a major no device uses, the family is a default the person must confirm.
/// </summary>
public static partial class DeviceModelResolver
{
    // The newest majors in the reference's table (libirecovery snapshot of May 2026).
    private const int NewestIphoneMajor = 18;
    private const int NewestIpadMajor = 17;
    private const int NewestIpodMajor = 9;

    public static DeviceModelResolution Resolve(string productType, IReadOnlyDictionary<string, DeviceModel>? models)
    {
        ArgumentNullException.ThrowIfNull(productType);
        if (models is not null && models.TryGetValue(productType, out var model))
        {
            return new DeviceModelResolution(productType, model.Name, model.Family, ModelSource.Table, false);
        }

        var family = ButtonFamilyRule.FromProductType(productType);
        var match = ProductTypePattern().Match(productType);
        if (family is null || !match.Success)
        {
            return new DeviceModelResolution(productType, null, null, ModelSource.Unknown, true);
        }

        var major = int.Parse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var covered = match.Groups["prefix"].Value.ToUpperInvariant() switch
        {
            "IPHONE" => major <= NewestIphoneMajor,
            // No iPad uses majors 9 and 10, and no iPod major 8: a device reporting one is not in the rule's table.
            "IPAD" => major <= NewestIpadMajor && major is not (9 or 10),
            _ => major <= NewestIpodMajor && major != 8,
        };
        return covered
            ? new DeviceModelResolution(productType, null, family, ModelSource.Rule, false)
            : new DeviceModelResolution(productType, null, family, ModelSource.PrefixDefault, true);
    }

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

    [GeneratedRegex(@"^(?<prefix>iPhone|iPad|iPod)(?<major>\d{1,3}),(?<minor>\d{1,3})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProductTypePattern();
}

/// <summary>What a device's ProductType resolved to and how sure that is.</summary>
/// <param name="NeedsConfirmation">True when the family is a default to confirm with the person
/// ("Does your device have a round Home button below the screen?").</param>
public sealed record DeviceModelResolution(string ProductType, string? Name, ButtonFamily? Family, ModelSource Source, bool NeedsConfirmation);

public enum ModelSource
{
    /// <summary>The knowledge base's model table.</summary>
    Table,

    /// <summary>The derivation rule by major number, within the majors it covers.</summary>
    Rule,

    /// <summary>A newer or unused major: the rule's default for its prefix.</summary>
    PrefixDefault,

    /// <summary>Not an iPhone, iPad or iPod ProductType.</summary>
    Unknown,
}
