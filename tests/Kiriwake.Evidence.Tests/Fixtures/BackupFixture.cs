using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.Plist;
using Microsoft.Data.Sqlite;
using static Kiriwake.Evidence.Tests.Fixtures.Plists;

namespace Kiriwake.Evidence.Tests.Fixtures;

/// <summary>
/// Writes realistic iOS 10+ backups: XML Info.plist (as iTunes writes it), binary Status.plist and
/// Manifest.plist (as the device writes them), a WAL-mode Manifest.db of NSKeyedArchiver MBFile records, and
/// blobs in xx/fileID folders; encrypted ones get a keybag, an encrypted Manifest.db and AES-CBC blobs.
/// Tests then damage the result with <see cref="BackupDamage"/>.
/// </summary>
public static class BackupFixture
{
    private static readonly (string Domain, string Folder, int Weight)[] s_places =
    [
        ("CameraRollDomain", "Media/DCIM/100APPLE", 5),
        ("MediaDomain", "Media/PhotoData/Thumbnails", 1),
        ("HomeDomain", "Library/SMS/Attachments/0a", 2),
        ("HomeDomain", "Library/Preferences", 1),
        ("AppDomain-jp.naver.line", "Documents/Messages", 3),
        ("AppDomainGroup-group.jp.naver.line", "Library/Application Support/PrivateStore", 2),
        ("AppDomain-com.google.Gmail", "Library/Caches", 1),
        ("AppDomain-net.whatsapp.WhatsApp", "Documents", 1),
        ("AppDomainPlugin-jp.naver.line.Share", "Library", 1),
        ("WirelessDomain", "Library/Preferences", 1),
    ];

    /// <summary>Creates a backup folder named after a UDID inside <paramref name="parent"/> and returns its path.</summary>
    public static string Create(string parent, BackupSpec spec)
    {
        string udid = "00008030-" + Convert.ToHexString(BitConverter.GetBytes((long)spec.Seed * 7919));
        string folder = Path.Combine(parent, udid);
        Directory.CreateDirectory(folder);
        var random = new Random(spec.Seed);
        var classKeys = Enumerable.Range(1, 11).ToDictionary(c => c, _ => RandomBytes(random, 32));
        byte[]? keybag = null;
        byte[]? manifestKeyEntry = null;
        byte[]? manifestKey = null;
        if (spec.Encrypted)
        {
            keybag = BuildKeybag(spec, random, classKeys);
            manifestKey = RandomBytes(random, 32);
            manifestKeyEntry = Entry(4, AesKeyWrap.Wrap(classKeys[4], manifestKey));
        }

        string dbPath = spec.Encrypted ? Path.Combine(Path.GetTempPath(), $"kiriwake-fixture-{Guid.NewGuid():N}.db") : Path.Combine(folder, "Manifest.db");
        WriteManifestDb(dbPath, folder, spec, random, classKeys);
        if (spec.Encrypted)
        {
            File.WriteAllBytes(Path.Combine(folder, "Manifest.db"), EncryptCbc(manifestKey!, File.ReadAllBytes(dbPath)));
            File.Delete(dbPath);
        }

        File.WriteAllText(Path.Combine(folder, "Info.plist"), InfoPlistXml(spec, udid));
        File.WriteAllBytes(Path.Combine(folder, "Status.plist"), StatusPlist(spec.BackupDate, "finished", "new"));
        var manifest = new Dictionary<string, PlistValue>(StringComparer.Ordinal)
        {
            ["IsEncrypted"] = Bool(spec.Encrypted),
            ["Version"] = Str("10.0"),
            ["SystemDomainsVersion"] = Str("24.0"),
            ["Date"] = Date(spec.BackupDate),
            ["WasPasscodeSet"] = Bool(true),
            ["Lockdown"] = Dict(("DeviceName", Str(spec.DeviceName)), ("ProductType", Str(spec.ProductType)), ("ProductVersion", Str(spec.ProductVersion)), ("UniqueDeviceID", Str(udid))),
        };
        if (keybag is not null)
        {
            manifest["BackupKeyBag"] = Data(keybag);
            manifest["ManifestKey"] = Data(manifestKeyEntry!);
        }

        File.WriteAllBytes(Path.Combine(folder, "Manifest.plist"), BinaryPlistWriter.Write(new PlistDict(manifest)));
        return folder;
    }

    /// <summary>A device-style binary Status.plist (the six keys of MBStatus, §3.1).</summary>
    public static byte[] StatusPlist(DateTimeOffset date, string snapshotState, string backupState) => BinaryPlistWriter.Write(Dict(
        ("BackupState", Str(backupState)),
        ("Date", Date(date)),
        ("IsFullBackup", Bool(false)),
        ("SnapshotState", Str(snapshotState)),
        ("UUID", Str("E621E1F8-C36C-495A-93FC-0C247A3E6E5F")),
        ("Version", Str("3.3"))));

    /// <summary>The 44-byte wrapped-key entry: little-endian protection class, then the RFC 3394 output.</summary>
    public static byte[] Entry(int protectionClass, byte[] wrapped)
    {
        byte[] entry = new byte[44];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)protectionClass);
        wrapped.CopyTo(entry, 4);
        return entry;
    }

    public static byte[] EncryptCbc(byte[] key, byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(plain, new byte[16], PaddingMode.PKCS7);
    }

    /// <summary>The MBFile NSKeyedArchiver record, laid out as in real Manifest.db rows (§5.3).</summary>
    public static byte[] MbFile(string relativePath, long size, int mode, int protectionClass, byte[]? encryptionKey)
    {
        var file = new Dictionary<string, PlistValue>(StringComparer.Ordinal)
        {
            ["$class"] = Uid(3),
            ["Birth"] = Int(1700000000),
            ["Flags"] = Int(0),
            ["GroupID"] = Int(501),
            ["InodeNumber"] = Int(123456),
            ["LastModified"] = Int(1700000100),
            ["LastStatusChange"] = Int(1700000100),
            ["Mode"] = Int(mode),
            ["ProtectionClass"] = Int(protectionClass),
            ["RelativePath"] = Uid(2),
            ["Size"] = Int(size),
            ["UserID"] = Int(501),
        };
        var objects = new List<PlistValue>
        {
            Str("$null"),
            new PlistDict(file),
            Str(relativePath),
            Dict(("$classes", Array(Str("MBFile"), Str("NSObject"))), ("$classname", Str("MBFile"))),
        };
        if (encryptionKey is not null)
        {
            file["EncryptionKey"] = Uid(4);
            objects.Add(Dict(("$class", Uid(5)), ("NS.data", Data(encryptionKey))));
            objects.Add(Dict(("$classes", Array(Str("NSMutableData"), Str("NSData"), Str("NSObject"))), ("$classname", Str("NSMutableData"))));
        }

        return BinaryPlistWriter.Write(Dict(
            ("$archiver", Str("NSKeyedArchiver")),
            ("$objects", new PlistArray(objects)),
            ("$top", Dict(("root", Uid(1)))),
            ("$version", Int(100000))));
    }

    private static void WriteManifestDb(string dbPath, string folder, BackupSpec spec, Random random, Dictionary<int, byte[]> classKeys)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString()))
        {
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=WAL");
            Exec(connection, "PRAGMA synchronous=OFF");
            Exec(connection, "CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)");
            Exec(connection, "CREATE INDEX FilesDomainIdx ON Files(domain)");
            Exec(connection, "CREATE INDEX FilesRelativePathIdx ON Files(relativePath)");
            Exec(connection, "CREATE INDEX FilesFlagsIdx ON Files(flags)");
            Exec(connection, "CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO Files VALUES ($id, $domain, $path, $flags, $file)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var domainParameter = insert.Parameters.Add("$domain", SqliteType.Text);
            var pathParameter = insert.Parameters.Add("$path", SqliteType.Text);
            var flagsParameter = insert.Parameters.Add("$flags", SqliteType.Integer);
            var fileParameter = insert.Parameters.Add("$file", SqliteType.Blob);

            var rows = new HashSet<string>(StringComparer.Ordinal);
            void Row(string domain, string path, int flags, byte[] record)
            {
                string fileId = ManifestMbdbReader.FileId(domain, path);
                if (!rows.Add(fileId))
                {
                    return;
                }

                id.Value = fileId;
                domainParameter.Value = domain;
                pathParameter.Value = path;
                flagsParameter.Value = flags;
                fileParameter.Value = record;
                insert.ExecuteNonQuery();
            }

            foreach (var (domain, place, _) in s_places)
            {
                Row(domain, string.Empty, ManifestFlags.Directory, MbFile(string.Empty, 0, 0x41ED, 0, null));
                Row(domain, place, ManifestFlags.Directory, MbFile(place, 0, 0x41ED, 0, null));
            }

            Row("HomeDomain", "Library/Preferences/.GlobalPreferences.link", ManifestFlags.Symlink, MbFile("Library/Preferences/.GlobalPreferences.link", 0, 0xA1ED, 0, null));
            int totalWeight = s_places.Sum(p => p.Weight);
            var made = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < spec.Files; i++)
            {
                int pick = random.Next(totalWeight);
                var place = s_places.First(p => (pick -= p.Weight) < 0);
                string path = string.Create(CultureInfo.InvariantCulture, $"{place.Folder}/IMG_{i:D6}.{(i % 3 == 0 ? "HEIC" : "dat")}");
                int size = i % 17 == 5 ? 0 : random.Next(1, spec.MaxFileBytes + 1);
                byte[] content = RandomBytes(random, size);
                int protection = 3 + (i % 2);
                byte[]? entry = null;
                byte[] onDisk = content;
                if (spec.Encrypted)
                {
                    byte[] fileKey = RandomBytes(random, 32);
                    entry = Entry(protection, AesKeyWrap.Wrap(classKeys[protection], fileKey));
                    onDisk = EncryptCbc(fileKey, content);
                }

                Row(place.Domain, path, ManifestFlags.File, MbFile(path, size, 0x81A4, protection, entry));
                string fileId = ManifestMbdbReader.FileId(place.Domain, path);
                string sub = Path.Combine(folder, fileId[..2]);
                if (made.Add(sub))
                {
                    Directory.CreateDirectory(sub);
                }

                File.WriteAllBytes(Path.Combine(sub, fileId), onDisk);
            }

            transaction.Commit();
            Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        foreach (string leftover in new[] { dbPath + "-wal", dbPath + "-shm" })
        {
            File.Delete(leftover);
        }
    }

    private static byte[] BuildKeybag(BackupSpec spec, Random random, Dictionary<int, byte[]> classKeys)
    {
        byte[] salt = RandomBytes(random, 20);
        byte[] dpsl = RandomBytes(random, 20);
        var header = new Keybag(5, 1, salt, spec.Iterations, dpsl, spec.DoublePassIterations, []);
        byte[] kek = BackupKeys.DeriveKey(Encoding.UTF8.GetBytes(spec.Password), header);
        var s = new MemoryStream();
        KnownAnswer.Tlv(s, "VERS", KnownAnswer.U32(5));
        KnownAnswer.Tlv(s, "TYPE", KnownAnswer.U32(1));
        KnownAnswer.Tlv(s, "UUID", RandomBytes(random, 16));
        KnownAnswer.Tlv(s, "HMCK", RandomBytes(random, 40));
        KnownAnswer.Tlv(s, "WRAP", KnownAnswer.U32(0));
        KnownAnswer.Tlv(s, "SALT", salt);
        KnownAnswer.Tlv(s, "ITER", KnownAnswer.U32((uint)spec.Iterations));
        KnownAnswer.Tlv(s, "DPWT", KnownAnswer.U32(1));
        KnownAnswer.Tlv(s, "DPIC", KnownAnswer.U32((uint)spec.DoublePassIterations));
        KnownAnswer.Tlv(s, "DPSL", dpsl);
        foreach (var (protectionClass, key) in classKeys)
        {
            KnownAnswer.Tlv(s, "UUID", RandomBytes(random, 16));
            KnownAnswer.Tlv(s, "CLAS", KnownAnswer.U32((uint)protectionClass));
            KnownAnswer.Tlv(s, "WRAP", KnownAnswer.U32(protectionClass is 11 or 10 or 9 or 5 ? 3u : 2u));
            KnownAnswer.Tlv(s, "KTYP", KnownAnswer.U32(0));
            KnownAnswer.Tlv(s, "WPKY", AesKeyWrap.Wrap(kek, key));
        }

        return s.ToArray();
    }

    private static string InfoPlistXml(BackupSpec spec, string udid) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>Build Version</key>
        	<string>21F90</string>
        	<key>Device Name</key>
        	<string>{System.Security.SecurityElement.Escape(spec.DeviceName)}</string>
        	<key>Display Name</key>
        	<string>{System.Security.SecurityElement.Escape(spec.DeviceName)}</string>
        	<key>GUID</key>
        	<string>5B4B8D5E2A1C4C0F9A3E</string>
        	<key>Installed Applications</key>
        	<array>
        		<string>jp.naver.line</string>
        		<string>com.google.Gmail</string>
        		<string>net.whatsapp.WhatsApp</string>
        	</array>
        	<key>Last Backup Date</key>
        	<date>{spec.BackupDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</date>
        	<key>Product Name</key>
        	<string>iPhone SE</string>
        	<key>Product Type</key>
        	<string>{spec.ProductType}</string>
        	<key>Product Version</key>
        	<string>{spec.ProductVersion}</string>
        	<key>Serial Number</key>
        	<string>F17ZX0ABCDEF</string>
        	<key>Target Identifier</key>
        	<string>{udid}</string>
        	<key>Target Type</key>
        	<string>Device</string>
        	<key>Unique Identifier</key>
        	<string>{udid.ToUpperInvariant()}</string>
        	<key>iTunes Version</key>
        	<string>12.13.2.3</string>
        </dict>
        </plist>
        """;

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
