using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;

namespace Kiriwake.Evidence.Tests.DeviceTools;

public sealed class DeviceModelResolverTests
{
    // ios-errors-and-device.md §3.1, one row per line of its table plus the named examples.
    [Theory]
    [InlineData("iPhone8,1", ButtonFamily.IphoneHome)]
    [InlineData("iPhone8,4", ButtonFamily.IphoneHome)]
    [InlineData("iPhone3,1", ButtonFamily.IphoneHome)]
    [InlineData("iPhone9,1", ButtonFamily.Iphone7)]
    [InlineData("iPhone9,4", ButtonFamily.Iphone7)]
    [InlineData("iPhone10,1", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone10,6", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone12,8", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone14,6", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone17,5", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone18,4", ButtonFamily.IphoneNoHome)]
    [InlineData("iPod7,1", ButtonFamily.IphoneHome)]
    [InlineData("iPod9,1", ButtonFamily.Iphone7)]
    [InlineData("iPad6,7", ButtonFamily.IpadHome)]
    [InlineData("iPad7,11", ButtonFamily.IpadHome)]
    [InlineData("iPad8,1", ButtonFamily.IpadNoHome)]
    [InlineData("iPad11,6", ButtonFamily.IpadHome)]
    [InlineData("iPad12,1", ButtonFamily.IpadHome)]
    [InlineData("iPad13,1", ButtonFamily.IpadNoHome)]
    [InlineData("iPad16,3", ButtonFamily.IpadNoHome)]
    public void Resolve_KnownMajor_RuleFamilyWithoutConfirmation(string productType, ButtonFamily family)
    {
        var resolution = DeviceModelResolver.Resolve(productType, null);

        Assert.Equal(family, resolution.Family);
        Assert.Equal(ModelSource.Rule, resolution.Source);
        Assert.False(resolution.NeedsConfirmation);
    }

    [Theory]
    [InlineData("iPhone19,1", ButtonFamily.IphoneNoHome)]
    [InlineData("iPad18,2", ButtonFamily.IpadNoHome)]
    [InlineData("iPad9,1", ButtonFamily.IpadNoHome)]
    public void Resolve_UnlistedMajor_PrefixDefaultToConfirm(string productType, ButtonFamily family)
    {
        var resolution = DeviceModelResolver.Resolve(productType, null);

        Assert.Equal(family, resolution.Family);
        Assert.Equal(ModelSource.PrefixDefault, resolution.Source);
        Assert.True(resolution.NeedsConfirmation);
    }

    [Theory]
    [InlineData("Watch6,1")]
    [InlineData("AppleTV11,1")]
    [InlineData("")]
    public void Resolve_NotAnIosProductType_UnknownNoFamily(string productType)
    {
        var resolution = DeviceModelResolver.Resolve(productType, null);

        Assert.Null(resolution.Family);
        Assert.Equal(ModelSource.Unknown, resolution.Source);
    }

    [Fact]
    public void Resolve_ModelTablePresent_TableWinsWithName()
    {
        var models = new Dictionary<string, DeviceModel>(StringComparer.OrdinalIgnoreCase)
        {
            ["iPhone12,8"] = new("iPhone12,8", "iPhone SE (2nd generation)", ButtonFamily.IphoneNoHome),
            ["iPhone99,1"] = new("iPhone99,1", "Test phone with a Home button", ButtonFamily.IphoneHome),
        };

        var listed = DeviceModelResolver.Resolve("iPhone12,8", models);
        var overriding = DeviceModelResolver.Resolve("iPhone99,1", models);

        Assert.Equal(("iPhone SE (2nd generation)", ModelSource.Table), (listed.Name, listed.Source));
        Assert.Equal(ButtonFamily.IphoneHome, overriding.Family);
        Assert.False(overriding.NeedsConfirmation);
    }

    [Theory]
    [InlineData(ButtonFamily.IphoneHome, "iphone-home")]
    [InlineData(ButtonFamily.Iphone7, "iphone-7")]
    [InlineData(ButtonFamily.IphoneNoHome, "iphone-no-home")]
    [InlineData(ButtonFamily.IpadHome, "ipad-home")]
    [InlineData(ButtonFamily.IpadNoHome, "ipad-no-home")]
    public void ToKnowledgeName_EveryFamily_SchemaName(ButtonFamily family, string name) =>
        Assert.Equal(name, family.ToKnowledgeName());
}
