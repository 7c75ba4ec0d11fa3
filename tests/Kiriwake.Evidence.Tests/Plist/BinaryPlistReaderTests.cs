using Kiriwake.Evidence.Plist;
using Kiriwake.Evidence.Tests.Fixtures;
using static Kiriwake.Evidence.Tests.Fixtures.Plists;
using Kiriwake.Tests;

namespace Kiriwake.Evidence.Tests.Plist;

public class BinaryPlistReaderTests
{
    [SharedFact]
    public void Read_SampleStatusPlist_ReturnsItsThreeKeys()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "ios-backup-browser", "sample_backup", "Status.plist"));

        var dict = Assert.IsType<PlistDict>(PlistReader.Read(bytes));

        Assert.Equal(42, dict.GetInteger("count"));
        Assert.Equal("bar", dict.GetString("foo"));
        Assert.Equal(new PlistUid(1), dict["uid"]);
    }

    [SharedFact]
    public void Read_MvtInfoPlist_ReadsStringsArraysAndDate()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "mvt", "ios_backup", "Info.plist"));

        var dict = PlistReader.ReadDict(bytes);

        Assert.Equal("iPhone9,3", dict.GetString("Product Type"));
        Assert.Equal("14.3", dict.GetString("Product Version"));
        Assert.Equal(6, dict.GetArray("Installed Applications")!.Items.Count);
        Assert.Equal(new DateTimeOffset(2021, 12, 3, 19, 33, 13, TimeSpan.Zero), dict.GetDate("Last Backup Date"));
    }

    [Fact]
    public void Read_WrittenDocument_RoundTripsEveryType()
    {
        var date = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var doc = Dict(
            ("s", Str("ascii")),
            ("u", Str("日本語のデバイス")),
            ("i", Int(-5)),
            ("big", Int(long.MaxValue)),
            ("r", new PlistReal(1.5)),
            ("t", Bool(true)),
            ("f", Bool(false)),
            ("d", Date(date)),
            ("b", Data([1, 2, 3])),
            ("uid", Uid(300)),
            ("a", Array(Enumerable.Range(0, 20).Select(n => (PlistValue)Int(n)).ToArray())));

        var read = Assert.IsType<PlistDict>(PlistReader.Read(BinaryPlistWriter.Write(doc)));

        Assert.Equal("ascii", read.GetString("s"));
        Assert.Equal("日本語のデバイス", read.GetString("u"));
        Assert.Equal(-5, read.GetInteger("i"));
        Assert.Equal(long.MaxValue, read.GetInteger("big"));
        Assert.Equal(1.5, Assert.IsType<PlistReal>(read["r"]).Value);
        Assert.True(read.GetBool("t"));
        Assert.False(read.GetBool("f"));
        Assert.Equal(date, read.GetDate("d"));
        Assert.Equal(new byte[] { 1, 2, 3 }, read.GetData("b")!.Value.ToArray());
        Assert.Equal(new PlistUid(300), read["uid"]);
        Assert.Equal(19, Assert.IsType<PlistInteger>(read.GetArray("a")!.Items[19]).Value);
    }

    public static TheoryData<string, string> MalformedDocuments => new()
    {
        { "too short", "62706c6973743030" },
        { "wrong version", "62706c6973743031" + "08" + "00" + new string('0', 12 * 2) + "0000000000000101" + "0000000000000001" + "0000000000000000" + "0000000000000009" },
        { "zero objects", "62706c697374303008" + "08" + "0000000000000101" + "0000000000000000" + "0000000000000000" + "0000000000000009" },
        { "object count beyond file", "62706c697374303008" + "08" + "0000000000000101" + "00000000000000FF" + "0000000000000000" + "0000000000000009" },
        { "offset table in trailer", "62706c697374303008" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "00000000000000FF" },
        { "top object out of range", "62706c697374303008" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000005" + "0000000000000009" },
        { "offset size zero", "62706c697374303008" + "08" + "0000000000000001" + "0000000000000001" + "0000000000000000" + "0000000000000009" },
        { "object offset into table", "62706c697374303008" + "09" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "0000000000000009" },
        { "unknown marker", "62706c6973743030F0" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "0000000000000009" },
        { "null marker", "62706c697374303000" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "0000000000000009" },
        { "string longer than file", "62706c69737430305F13" + "00000000FFFFFFFF" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "0000000000000012" },
        { "array refers past count", "62706c6973743030A105" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "000000000000000A" },
        { "array contains itself", "62706c6973743030A100" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "000000000000000A" },
        { "dict key not string", "62706c6973743030D1010110" + "01" + "08" + "0A" + "0000000000000101" + "0000000000000002" + "0000000000000000" + "000000000000000D" },
        { "integer of 32 bytes", "62706c697374303015" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "0000000000000009" },
        { "date is NaN", "62706c6973743030337FF8000000000000" + "08" + "0000000000000101" + "0000000000000001" + "0000000000000000" + "0000000000000011" },
    };

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public void Read_MalformedBinary_ThrowsPlistFormatException(string why, string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);

        var e = Record.Exception(() => PlistReader.Read(bytes));

        Assert.True(e is PlistFormatException, $"{why}: got {e?.GetType().Name ?? "no exception"}");
    }

    [SharedFact]
    public void Read_EveryTruncationOfAValidFile_ThrowsOnlyPlistFormatException()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "mvt", "ios_backup", "Info.plist"));

        for (int length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsSpan(0, length).ToArray();
            Assert.Throws<PlistFormatException>(() => PlistReader.Read(prefix));
        }
    }

    [Fact]
    public void Read_DeeplyNestedArrays_ThrowsPlistFormatException()
    {
        PlistValue value = Int(1);
        for (int i = 0; i < BinaryPlistReader.MaxDepth + 5; i++)
        {
            value = Array(value);
        }

        var bytes = BinaryPlistWriter.Write(value);

        Assert.Throws<PlistFormatException>(() => PlistReader.Read(bytes));
    }

    [Fact]
    public void Read_SharedObjectsExpandingExponentially_ReadsInLinearTime()
    {
        // 40 arrays each holding the previous one twice: 2^40 leaves if expanded, 41 objects if shared.
        const int Levels = 40;
        var hex = new System.Text.StringBuilder("62706c6973743030");
        var offsets = new List<int>();
        int pos = 8;
        offsets.Add(pos);
        hex.Append("1001");
        pos += 2;
        for (int i = 1; i <= Levels; i++)
        {
            offsets.Add(pos);
            hex.Append(System.Globalization.CultureInfo.InvariantCulture, $"A2{i - 1:X2}{i - 1:X2}");
            pos += 3;
        }

        int table = pos;
        foreach (int offset in offsets)
        {
            hex.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:X4}");
        }

        hex.Append(System.Globalization.CultureInfo.InvariantCulture, $"0000000000000201{Levels + 1:X16}{Levels:X16}{table:X16}");

        var value = PlistReader.Read(Convert.FromHexString(hex.ToString()));

        var top = Assert.IsType<PlistArray>(value);
        Assert.Same(top.Items[0], top.Items[1]);
    }
}
