using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Plist;

namespace Kiriwake.Evidence.Tests.Backup;

/// <summary>Seeded mutations of a generated Manifest.db and of MBFile records: only the format's exception may escape.</summary>
public sealed class ManifestFuzzTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_MutatedDatabases_ThrowNothingButManifestFormatException()
    {
        string folder = BackupFixture.Create(_temp.Path, new BackupSpec(Files: 40));
        byte[] db = File.ReadAllBytes(Path.Combine(folder, "Manifest.db"));
        string target = Path.Combine(_temp.Path, "fuzz.db");
        var random = new Random(5150);
        for (int round = 0; round < 400; round++)
        {
            File.WriteAllBytes(target, PlistMutator.MutateDatabase(db, random));
            try
            {
                using var reader = ManifestDbReader.Open(target);
                _ = reader.ReadEntries(wantKeys: true).Count();
                _ = reader.ReadRows(wantKeys: true).Count();
            }
            catch (ManifestFormatException)
            {
                // The only allowed failure.
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    [Fact]
    public void Read_MutatedMbFileRecords_ThrowNothingButPlistFormatException()
    {
        byte[] record = BackupFixture.MbFile("Media/DCIM/100APPLE/IMG_0001.HEIC", 123456, 0x81A4, 3, new byte[44]);
        var random = new Random(77);
        for (int round = 0; round < 3000; round++)
        {
            byte[] mutated = PlistMutator.Mutate(record, random);
            try
            {
                MbFileReader.Read(mutated, wantKey: true);
            }
            catch (Kiriwake.Evidence.Plist.PlistFormatException)
            {
                // The only allowed failure.
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(mutated)}");
            }
        }
    }

    [Fact]
    public void Read_MbdbRecords_ParseAndTruncationsThrowManifestFormatException()
    {
        var data = new MemoryStream();
        data.Write("mbdb\x05\x00"u8);
        static void Str(MemoryStream s, string? v)
        {
            if (v is null)
            {
                s.Write([0xFF, 0xFF]);
                return;
            }

            byte[] b = System.Text.Encoding.UTF8.GetBytes(v);
            s.Write([(byte)(b.Length >> 8), (byte)b.Length]);
            s.Write(b);
        }

        Str(data, "HomeDomain");
        Str(data, "Library/SMS/sms.db");
        Str(data, null);
        Str(data, null);
        Str(data, null);
        data.Write([0x81, 0xA4]); // mode 0o100644
        data.Write(new byte[8 + 20]); // inode, uid, gid, three times
        data.Write([0, 0, 0, 0, 0, 0, 0x10, 0x00]); // size 4096
        data.Write([3, 0]); // protection class, no properties
        byte[] bytes = data.ToArray();

        var entry = Assert.Single(ManifestMbdbReader.Read(bytes));
        Assert.Equal(ManifestFlags.File, entry.Flags);
        Assert.Equal(4096, entry.Size);
        Assert.Equal(ManifestMbdbReader.FileId("HomeDomain", "Library/SMS/sms.db"), entry.FileId);
        for (int length = 0; length < bytes.Length; length++)
        {
            if (length == 6)
            {
                Assert.Empty(ManifestMbdbReader.Read(bytes.AsSpan(0, length)));
                continue;
            }

            Assert.Throws<ManifestFormatException>(() => ManifestMbdbReader.Read(bytes.AsSpan(0, length)));
        }
    }
}
