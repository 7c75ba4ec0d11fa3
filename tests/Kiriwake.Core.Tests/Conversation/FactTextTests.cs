using Kiriwake.Core.Conversation;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>The one set of words for facts, used by the report and by `kiriwake analyze` alike.</summary>
public sealed class FactTextTests
{
    private static readonly KnowledgeBase s_kb = ConversationKnowledge.Build();

    private static Fact F(string key, string value) => new(key, value, new FactSource(FactSourceKind.Log, "pasted"), "line 1");

    [Theory]
    [InlineData(FactKeys.Operation, "restore", Language.Ja, "エラーが出た作業: 復元")]
    [InlineData(FactKeys.Operation, "update", Language.En, "What was being done: an update")]
    [InlineData(FactKeys.ErrorCode, "restore:4013", Language.Ja, "エラーコード: 4013(アップデート・復元)")]
    [InlineData(FactKeys.ErrorCode, "backup:105", Language.En, "Error code: 105 (backup)")]
    [InlineData(FactKeys.DeviceBackupEncryption, "true", Language.Ja, "バックアップの暗号化: オン")]
    [InlineData(FactKeys.DeviceBackupEncryption, "false", Language.En, "Backup encryption: off")]
    [InlineData(FactKeys.BackupLastIncomplete, "true", Language.Ja, "前回のバックアップが途中で終わった: はい")]
    public void Describe_FactsTheTextReadersFind_OneLineInWords(string key, string value, Language language, string expected)
    {
        Assert.Equal(expected, FactText.Describe(s_kb, F(key, value), language));
    }

    [Fact]
    public void Describe_FactWithoutWords_NullNotTheKey()
    {
        Assert.Null(FactText.Describe(s_kb, F("internal.thing", "42"), Language.Ja));
    }

    [Fact]
    public void Describe_EveryKnownFactKeyInBothLanguages_NoKeyOrRawBooleanShown()
    {
        var keys = typeof(FactKeys).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Where(FactText.IsKnown).ToArray();
        Assert.Contains(FactKeys.Operation, keys);
        foreach (var key in keys)
        {
            foreach (var language in new[] { Language.Ja, Language.En })
            {
                foreach (var value in new[] { "true", "false" })
                {
                    var line = FactText.Describe(s_kb, F(key, value), language)!;
                    Assert.DoesNotContain(key, line, StringComparison.Ordinal);
                    Assert.DoesNotContain("true", line, StringComparison.Ordinal);
                    Assert.DoesNotContain("false", line, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Report_OperationFromPastedText_SaidWithTheSameWordsAsDescribe()
    {
        var fact = new Fact(FactKeys.Operation, "restore", new FactSource(FactSourceKind.Log, "pasted"), "line 1");
        var conversation = ConversationKnowledge.Start(evidence: [fact]);

        var line = Assert.Single(conversation.Report().FactLines, f => f.Key == FactKeys.Operation);

        Assert.Equal(FactText.Describe(s_kb, fact, Language.Ja), line.Label + ": " + line.Value);
    }
}
