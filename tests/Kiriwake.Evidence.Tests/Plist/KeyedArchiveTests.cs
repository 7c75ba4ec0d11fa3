using Kiriwake.Evidence.Plist;
using Kiriwake.Evidence.Tests.Fixtures;
using static Kiriwake.Evidence.Tests.Fixtures.Plists;

namespace Kiriwake.Evidence.Tests.Plist;

public class KeyedArchiveTests
{
    [Fact]
    public void Open_MBFileWithNestedDataReference_ResolvesEncryptionKey()
    {
        byte[] key = Enumerable.Range(0, 44).Select(i => (byte)i).ToArray();
        var archive = Dict(
            ("$archiver", Str("NSKeyedArchiver")),
            ("$version", Int(100000)),
            ("$top", Dict(("root", Uid(1)))),
            ("$objects", Array(
                Str("$null"),
                Dict(("Size", Int(9)), ("EncryptionKey", Uid(2)), ("RelativePath", Uid(4)), ("Target", Uid(0)), ("$class", Uid(5))),
                Dict(("NS.data", Uid(3)), ("$class", Uid(6))),
                Data(key),
                Str("Media/Test.txt"),
                Dict(("$classname", Str("MBFile"))),
                Dict(("$classname", Str("NSMutableData"))))));

        var opened = KeyedArchive.Open(PlistReader.Read(BinaryPlistWriter.Write(archive)));

        Assert.Equal(9, opened.Root.GetInteger("Size"));
        Assert.Equal(key, opened.GetData(opened.Root, "EncryptionKey")!.Value.ToArray());
        Assert.Equal("Media/Test.txt", opened.GetString(opened.Root, "RelativePath"));
        Assert.Null(opened.Get(opened.Root, "Target"));
        Assert.Null(opened.GetData(opened.Root, "Digest"));
    }

    [Theory]
    [InlineData("no objects")]
    [InlineData("root out of range")]
    [InlineData("root not a dict")]
    public void Open_BrokenArchive_ThrowsPlistFormatException(string why)
    {
        PlistValue archive = why switch
        {
            "no objects" => Dict(("$top", Dict(("root", Uid(1))))),
            "root out of range" => Dict(("$top", Dict(("root", Uid(9)))), ("$objects", Array(Str("$null")))),
            _ => Dict(("$top", Dict(("root", Uid(0)))), ("$objects", Array(Str("$null")))),
        };

        Assert.Throws<PlistFormatException>(() => KeyedArchive.Open(archive));
    }

    [Fact]
    public void GetData_ReferenceOutsideObjects_ThrowsPlistFormatException()
    {
        var archive = KeyedArchive.Open(Dict(("$top", Dict(("root", Uid(1)))), ("$objects", Array(Str("$null"), Dict(("EncryptionKey", Uid(40)))))));

        Assert.Throws<PlistFormatException>(() => archive.GetData(archive.Root, "EncryptionKey"));
    }
}
