using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Knowledge;

public sealed class FaqSearchTests
{
    private static readonly IReadOnlyList<FaqEntry> s_entries =
    [
        Entry("faq-password", "暗号化バックアップのパスワードを忘れた場合はどうなりますか?", "What happens if I forget the encrypted backup's password?", "復元できません。", "It cannot be restored."),
        Entry("faq-dfu", "DFUモードとリカバリーモードの違いは何ですか?", "What is the difference between DFU mode and recovery mode?", "DFUはより低レベルです。", "DFU works at a lower level."),
        Entry("faq-photos", "iCloudの容量が足りない場合、写真を消せば解決しますか?", "If iCloud storage is short, will deleting photos fix it?", "古いバックアップも確認します。", "Check old backups too."),
        Entry("faq-erase", "復元でデータは必ず消えますか?", "Does a restore always erase my data?", "DFU復元はデータを消去します。", "A DFU restore erases the data."),
    ];

    [Theory]
    [InlineData("forgot password", "faq-password")]
    [InlineData("Forgotten PASSWORD", "faq-password")]
    [InlineData("DFU vs recovery", "faq-dfu")]
    [InlineData("icloud full", "faq-photos")]
    [InlineData("lose data", "faq-erase")]
    [InlineData("will I lose my data", "faq-erase")]
    [InlineData("パスワード 忘れた", "faq-password")]
    [InlineData("パスワードを忘れた", "faq-password")]
    [InlineData("DFU リカバリー 違い", "faq-dfu")]
    [InlineData("iCloud 容量 足りない", "faq-photos")]
    [InlineData("データが消える", "faq-erase")]
    [InlineData("ｄｆｕ　ｖｓ　ｒｅｃｏｖｅｒｙ", "faq-dfu")]
    public void Search_NaturalQuery_FindsTheEntryFirst(string query, string id)
    {
        var hits = FaqSearch.Search(s_entries, query);

        Assert.NotEmpty(hits);
        Assert.Equal(id, hits[0].Entry.Id);
    }

    [Theory]
    [InlineData("weather forecast")]
    [InlineData("what")]
    public void Search_UnrelatedQuery_FindsNothing(string query) =>
        Assert.Empty(FaqSearch.Search(s_entries, query));

    [Fact]
    public void Search_EmptyQuery_ListsEverything() =>
        Assert.Equal(s_entries.Count, FaqSearch.Search(s_entries, " ").Count);

    [Fact]
    public void Search_WordInQuestion_RanksAboveWordInAnswer()
    {
        var hits = FaqSearch.Search(s_entries, "DFU");

        Assert.Equal("faq-dfu", hits[0].Entry.Id);
        Assert.Contains(hits, h => h.Entry.Id == "faq-erase" && h.Score < hits[0].Score);
    }

    [Theory]
    [InlineData("forgot", "忘れ")]
    [InlineData("vs", "違い")]
    [InlineData("lose", "erase")]
    public void Split_Word_StandsForItsGroup(string word, string alternative) =>
        Assert.Contains(alternative, Assert.Single(SearchWords.Split(word)));

    [Fact]
    public void Split_JapanesePhrase_LeavesParticlesOut()
    {
        var words = SearchWords.Split("データが消える");

        Assert.Equal(2, words.Count);
        Assert.Contains("データ", words[0]);
        Assert.Equal(["消"], words[1]);
    }

    private static FaqEntry Entry(string id, string questionJa, string questionEn, string answerJa, string answerEn) =>
        new(id, "test", new(questionJa, questionEn), new(answerJa, answerEn), []);
}
