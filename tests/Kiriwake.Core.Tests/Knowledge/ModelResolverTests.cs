using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Knowledge;

public sealed class ModelResolverTests
{
    private static readonly KnowledgeBase s_knowledge = new(new KnowledgeContent(
        [], [], [], [], [], [], [], [], [],
        [
            new("iPhone1,1", "iPhone", ButtonFamily.IphoneHome),
            new("iPhone8,4", "iPhone SE (1st generation)", ButtonFamily.IphoneHome),
            new("iPhone9,1", "iPhone 7", ButtonFamily.Iphone7),
            new("iPhone10,1", "iPhone 8", ButtonFamily.IphoneNoHome),
            new("iPhone10,2", "iPhone 8 Plus", ButtonFamily.IphoneNoHome),
            new("iPhone12,8", "iPhone SE (2nd generation)", ButtonFamily.IphoneNoHome),
            new("iPhone14,6", "iPhone SE (3rd generation)", ButtonFamily.IphoneNoHome),
            new("iPhone13,2", "iPhone 12", ButtonFamily.IphoneNoHome),
            new("iPhone14,2", "iPhone 13 Pro", ButtonFamily.IphoneNoHome),
            new("iPad1,1", "iPad", ButtonFamily.IpadHome),
            new("iPad12,1", "iPad (9th generation, Wi-Fi)", ButtonFamily.IpadHome),
            new("iPad12,2", "iPad (9th generation, Wi-Fi + Cellular)", ButtonFamily.IpadHome),
            new("iPad7,1", "iPad Pro 12.9-inch (2nd generation, Wi-Fi)", ButtonFamily.IpadHome),
            new("iPad8,5", "iPad Pro 12.9-inch (3rd generation, Wi-Fi)", ButtonFamily.IpadNoHome),
            new("iPad8,7", "iPad Pro 12.9-inch (3rd generation, Wi-Fi + Cellular, 1TB)", ButtonFamily.IpadNoHome),
        ],
        [], [], [], [], [], [], []));

    [Theory]
    [InlineData("iPhone SE（第2世代）", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone SE (2nd generation)", ButtonFamily.IphoneNoHome)]
    [InlineData("ｉＰｈｏｎｅ　ＳＥ（第２世代）", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone SE 第二世代", ButtonFamily.IphoneNoHome)]
    [InlineData("iphone se 2nd gen", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone SE2", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone SE（第1世代）", ButtonFamily.IphoneHome)]
    [InlineData("iPhone 8", ButtonFamily.IphoneNoHome)]
    [InlineData("iphone8", ButtonFamily.IphoneNoHome)]
    [InlineData("アイフォン８", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone 7", ButtonFamily.Iphone7)]
    [InlineData("iPhone 13 Pro", ButtonFamily.IphoneNoHome)]
    [InlineData("iPad（第9世代）", ButtonFamily.IpadHome)]
    [InlineData("iPad (9th generation)", ButtonFamily.IpadHome)]
    [InlineData("iPad Pro 12.9インチ（第3世代）", ButtonFamily.IpadNoHome)]
    [InlineData("iPad Pro（12.9インチ）（第2世代）", ButtonFamily.IpadHome)]
    [InlineData("iPhone12,8", ButtonFamily.IphoneNoHome)]
    [InlineData("iphone12,8", ButtonFamily.IphoneNoHome)]
    public void Resolve_NameInAnyWidthOrLanguage_FindsTheFamily(string query, ButtonFamily family)
    {
        var resolution = ModelResolver.Resolve(s_knowledge, query);

        Assert.Equal(family, resolution.Family);
        Assert.NotEmpty(resolution.Candidates);
        Assert.False(resolution.Ambiguous);
    }

    [Theory]
    [InlineData("iPad Pro 12.9インチ")]
    [InlineData("iPad")]
    [InlineData("iPhone SE")]
    public void Resolve_NameOfModelsWithDifferentButtons_ListsCandidates(string query)
    {
        var resolution = ModelResolver.Resolve(s_knowledge, query);

        Assert.True(resolution.Ambiguous);
        Assert.True(ModelResolver.CandidateNames(resolution).Count >= 2);
    }

    [Fact]
    public void CandidateNames_VariantsOfOneModel_ShownOnce()
    {
        var resolution = ModelResolver.Resolve(s_knowledge, "iPad Pro 12.9インチ");

        Assert.Equal(["iPad Pro 12.9-inch (2nd generation)", "iPad Pro 12.9-inch (3rd generation)"], ModelResolver.CandidateNames(resolution));
    }

    [Theory]
    [InlineData("iPhone 1")]
    [InlineData("Galaxy S9")]
    [InlineData("")]
    public void Resolve_NoSuchModel_NoFamilyNoCandidates(string query)
    {
        var resolution = ModelResolver.Resolve(s_knowledge, query);

        Assert.Null(resolution.Family);
        Assert.Empty(resolution.Candidates);
    }

    [Fact]
    public void Resolve_UnlistedProductType_FamilyFromTheRule()
    {
        var resolution = ModelResolver.Resolve(s_knowledge, "iPhone99,1");

        Assert.Equal(ButtonFamily.IphoneNoHome, resolution.Family);
        Assert.True(resolution.FromRule);
    }

    [Fact]
    public void Examples_Family_NamesOfThatFamilyOnly()
    {
        var examples = ModelResolver.Examples(s_knowledge, ButtonFamily.IphoneNoHome, 3);

        Assert.Equal(3, examples.Count);
        Assert.Contains("iPhone 8", examples);
        Assert.DoesNotContain("iPhone 7", examples);
    }

    [Theory]
    [InlineData("iPhone SE（第2世代）", "iphone se 2gen")]
    [InlineData("iPad Pro 12.9-inch (3rd generation, Wi-Fi + Cellular)", "ipad pro 12.9 inch 3gen wifi cellular")]
    [InlineData("iPad Air（第十一世代）", "ipad air 11gen")]
    public void Words_Name_ComparableWords(string name, string words) =>
        Assert.Equal(words, string.Join(' ', ModelName.Words(name)));
}
