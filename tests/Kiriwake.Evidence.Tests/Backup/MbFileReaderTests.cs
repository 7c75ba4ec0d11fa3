using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Plist;
using Kiriwake.Evidence.Tests.Fixtures;
using static Kiriwake.Evidence.Tests.Fixtures.Plists;
using Kiriwake.Tests;

namespace Kiriwake.Evidence.Tests.Backup;

public class MbFileReaderTests
{
    [Fact]
    public void Read_GeneratedRecordWithKey_ReadsSizeModeClassAndKey()
    {
        byte[] key = Enumerable.Range(1, 44).Select(i => (byte)i).ToArray();

        var file = MbFileReader.Read(BackupFixture.MbFile("Media/a.jpg", 9, 0x81A4, 3, key), wantKey: true);

        Assert.Equal(new MbFile(9, 0x81A4, 3, file.EncryptionKey), file);
        Assert.Equal(key, file.EncryptionKey);
    }

    [SharedFact]
    public void Read_MvtRecords_AgreeWithTheFullDecoder()
    {
        using var db = ManifestDbReader.Open(Path.Combine(RepoPaths.Samples, "mvt", "ios_backup", "Manifest.db"));

        var files = db.ReadEntries(wantKeys: true).Where(e => e.Flags == ManifestFlags.File).ToArray();

        Assert.Equal(1089, files.Length);
        Assert.All(files, f => Assert.Equal(44, f.EncryptionKey!.Length));
        Assert.Equal(94208, files.Single(f => f.FileId == "0d609c54856a9bb2d56729df1d68f2958a88426b").Size);
    }

    [Fact]
    public void Read_ProtectionClassBeyondInt_ThrowsPlistFormatException()
    {
        // Found by fuzz-plist (case 28975): a mutated integer made a checked cast throw OverflowException.
        var record = BinaryPlistWriter.Write(Dict(
            ("$archiver", Str("NSKeyedArchiver")),
            ("$objects", Array(Str("$null"), Dict(("Size", Int(1)), ("ProtectionClass", Int(long.MaxValue))))),
            ("$top", Dict(("root", Uid(1)))),
            ("$version", Int(100000))));

        Assert.Throws<PlistFormatException>(() => MbFileReader.Read(record, wantKey: true));
    }

    [Fact]
    public void Read_ArrayCountBeyondFileWithWideReferences_ThrowsPlistFormatException()
    {
        // An array claiming 2^30 items of 8-byte references: refused by the count bound before any multiplication.
        byte[] bytes = Convert.FromHexString("62706c6973743030" + "AF1240000000" + "08" + "0000000000000108" + "0000000000000001" + "0000000000000000" + "000000000000000E");

        Assert.Throws<PlistFormatException>(() => PlistReader.Read(bytes));
    }
}
