using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.Logs;

public sealed class TextMatcherTests
{
    private static readonly KnowledgeBase s_knowledge = TestKnowledge.Create();

    [Theory]
    [InlineData("iPhoneを復元できませんでした。不明なエラーが発生しました（4013）。")]
    [InlineData("iPhone「花子のiPhone」を復元できませんでした。不明なエラーが発生しました (4013)。")]
    [InlineData("The iPhone \"Hanako\" could not be restored. An unknown error occurred (4013).")]
    public void Match_RestoreDialog_OnlyCode4013AndItsSymptomFirst(string dialog)
    {
        var match = TextMatcher.Match(dialog, s_knowledge);

        var code = Assert.Single(match.Codes);
        Assert.Equal((4013, ErrorDomain.Restore), (code.Code, code.Domain));
        Assert.NotNull(code.Entry);
        Assert.Equal("restore-error-4013", match.Symptoms[0].Symptom.Id);
        Assert.DoesNotContain(match.Symptoms, s => s.Symptom.Id == "restore-unknown-error");
        Assert.InRange(match.Symptoms[0].Confidence, 0.9, 1.0);
    }

    [Theory]
    [InlineData("iPhoneを復元できませんでした。不明なエラーが発生しました（4013）。", "restore")]
    [InlineData("iPadをアップデートできませんでした。不明なエラーが発生しました (4013)。", "update")]
    [InlineData("The iPhone \"Hanako\" could not be restored. An unknown error occurred (4013).", "restore")]
    [InlineData("The iPhone \"Hanako\" could not be updated. An unknown error occurred (4013).", "update")]
    public void Match_DialogWords_SayRestoreOrUpdate(string dialog, string operation)
    {
        var match = TextMatcher.Match(dialog, s_knowledge, "text");

        var fact = Assert.Single(match.Facts, f => f.Key == FactKeys.Operation);
        Assert.Equal(operation, fact.Value);
        Assert.Equal(new FactSource(FactSourceKind.Log, "text"), fact.Source);
    }

    [Theory]
    [InlineData("復元・アップデート中に不明なエラーが発生しました (4013)")]
    [InlineData("An unknown error occurred (4013).")]
    [InlineData("I want to restore my photos")]
    public void Match_BothOrNeitherWordOrNoFinding_NoOperationFact(string text)
    {
        var match = TextMatcher.Match(text, s_knowledge);

        Assert.DoesNotContain(match.Facts, f => f.Key == FactKeys.Operation);
    }

    [Theory]
    [InlineData("4013", 4013)]
    [InlineData(" (4013) ", 4013)]
    [InlineData("エラー４０１３", 4013)]
    [InlineData("error code 105", 105)]
    public void Match_TypedCode_IsCertain(string text, int code)
    {
        var match = TextMatcher.Match(text, s_knowledge);

        var found = Assert.Single(match.Codes);
        Assert.Equal(code, found.Code);
        Assert.Equal(1.0, found.Confidence);
        Assert.NotEmpty(match.Symptoms);
    }

    [Theory]
    [InlineData("40134")]
    [InlineData("iPhone14,2 backup 2024-04-13")]
    [InlineData("version 4013.1 of the app")]
    [InlineData("abc4013")]
    public void Match_DigitsInsideOtherNumbersOrWords_FindNoCode(string text)
    {
        var match = TextMatcher.Match(text, s_knowledge);

        Assert.DoesNotContain(match.Codes, c => c.Code is 4013 or 40 or 4 or 13);
        Assert.DoesNotContain(match.Codes, c => c.Entry is not null);
    }

    [Fact]
    public void Match_UnlistedCodeInARange_SuggestsTheClassButNoSymptom()
    {
        var match = TextMatcher.Match("3999", s_knowledge);

        var code = Assert.Single(match.Codes);
        Assert.Null(code.Entry);
        Assert.Equal("network", Assert.Single(code.Ranges).Class);
        Assert.Empty(match.Symptoms);
        Assert.False(match.Found);
    }

    [Fact]
    public void Match_SameMessageInOtherWords_FindsTheSymptomBelowAnExactMatch()
    {
        // The knowledge base says "Insufficient free disk space on drive to back up"; a person types it in another tense.
        var match = TextMatcher.Match("Insufficient free disk space on the drive for backing up", s_knowledge);

        var symptom = match.Symptoms[0];
        Assert.Equal("computer-disk-full", symptom.Symptom.Id);
        Assert.InRange(symptom.Confidence, 0.6, 0.8);
        Assert.NotNull(symptom.Message);
    }

    [Fact]
    public void Match_MessageTypedWithoutItsCode_FindsItsSymptom()
    {
        var match = TextMatcher.Match("An unknown error occurred", s_knowledge);

        Assert.Equal("restore-error-4013", match.Symptoms[0].Symptom.Id);
        Assert.Empty(match.Codes);
    }

    [Fact]
    public void Match_ICloudSentenceAgainstDiskMessage_DoesNotPassForIt()
    {
        var match = TextMatcher.Match("There is not enough iCloud storage to back up this iPhone.", s_knowledge);

        Assert.Equal("icloud-storage-full", Assert.Single(match.Symptoms).Symptom.Id);
    }

    [Fact]
    public void Match_Nothing_NoSymptomNoCodeNotFound()
    {
        var match = TextMatcher.Match("the weather is nice today", s_knowledge);

        Assert.Empty(match.Symptoms);
        Assert.Empty(match.Codes);
        Assert.False(match.Found);
    }

    [Fact]
    public void Match_AgreesWithLogDiagnosis_SameFirstSymptomAndFacts()
    {
        const string Dialog = "iPadをアップデートできませんでした。不明なエラーが発生しました (4013)。";

        var match = TextMatcher.Match(Dialog, s_knowledge, "text");
        var start = LogDiagnosis.FromText(Dialog, s_knowledge, "text");

        Assert.Equal(match.Symptoms[0].Symptom.Id, start.SymptomId);
        Assert.Equal(match.Facts, start.Facts);
    }

    [Theory]
    [InlineData("backed", "back")]
    [InlineData("backups", "backup")]
    [InlineData("restoring", "restor")]
    [InlineData("restore", "restor")]
    [InlineData("class", "class")]
    public void Stem_WordForms_ShareTheirStem(string word, string stem) =>
        Assert.Equal(stem, SimilarMessages.Stem(word));
}
