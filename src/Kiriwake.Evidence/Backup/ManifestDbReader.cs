using Kiriwake.Evidence.Plist;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// Reads Manifest.db without ever writing next to it: the file is opened with <c>immutable=1</c> (SQLite then
/// creates no -shm/-wal and takes no locks); when a non-empty -wal holds committed rows, the db and its -wal are
/// copied to a temporary folder first, and the copy is deleted on dispose.
/// </summary>
public sealed class ManifestDbReader : IDisposable
{
    /// <summary>An MBFile record is a few hundred bytes; anything past this is damage and is cut for decoding.</summary>
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    private readonly SqliteConnection _connection;
    private readonly string? _tempFolder;

    private ManifestDbReader(SqliteConnection connection, string? tempFolder)
    {
        _connection = connection;
        _tempFolder = tempFolder;
    }

    /// <summary>Opens a Manifest.db file read-only.</summary>
    /// <exception cref="ManifestFormatException">Not an SQLite file, cut short, or without a Files table.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static ManifestDbReader Open(string path)
    {
        CheckHeader(path);
        string wal = path + "-wal";
        string? temp = null;
        string dataSource;
        if (File.Exists(wal) && new FileInfo(wal).Length > 0)
        {
            temp = Directory.CreateTempSubdirectory("kiriwake-manifest-").FullName;
            string copy = Path.Combine(temp, "Manifest.db");
            File.Copy(path, copy);
            File.Copy(wal, copy + "-wal");
            dataSource = copy;
        }
        else
        {
            dataSource = ImmutableUri(path);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = temp is null ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();

            var reader = new ManifestDbReader(connection, temp);
            reader.CheckSchema();
            return reader;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            DeleteTemp(temp);
            throw new ManifestFormatException($"Manifest.db cannot be read as SQLite: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            DeleteTemp(temp);
            throw;
        }
    }

    /// <summary>Reads every row of Files, in rowid order. Records that do not decode carry a problem instead.</summary>
    /// <exception cref="ManifestFormatException">The database is damaged part-way.</exception>
    public IEnumerable<ManifestEntry> ReadEntries(bool wantKeys)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT fileID, domain, relativePath, flags, file, length(file) FROM Files";
        using var reader = Execute(command);
        while (Step(reader))
        {
            yield return Guarded(reader, wantKeys, ReadEntry);
        }
    }

    private static ManifestEntry ReadEntry(SqliteDataReader reader, bool wantKeys)
    {
        string fileId = reader.IsDBNull(0) ? string.Empty : reader.GetString(0);
        string domain = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
        string relativePath = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
        long flags = reader.IsDBNull(3) ? 0 : reader.GetInt64(3);
        var (file, problem) = Decode(ReadBlob(reader, 4, 5), wantKeys);
        return new ManifestEntry(fileId, domain, relativePath, flags, file.Size, file.ProtectionClass, file.EncryptionKey, problem);
    }

    /// <summary>The number of regular-file rows (flags 1), by the flags index.</summary>
    /// <exception cref="ManifestFormatException">The database is damaged.</exception>
    public long CountFileRows() => Scalar("SELECT COUNT(*) FROM Files WHERE flags = 1");

    /// <summary>The number of rows in Files.</summary>
    /// <exception cref="ManifestFormatException">The database is damaged.</exception>
    public long CountRows() => Scalar("SELECT COUNT(*) FROM Files");

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            throw new ManifestFormatException($"Manifest.db is damaged: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads every row of Files for the file check: rowid, packed fileID, flags and the MBFile fields. This is the
    /// hot path (one row per file of the backup), so it steps its own statement through the SQLite API and decodes
    /// each record where SQLite holds it, without copying it out.
    /// </summary>
    /// <exception cref="ManifestFormatException">The database is damaged part-way.</exception>
    internal IEnumerable<ManifestRow> ReadRows(bool wantKeys)
    {
        var db = _connection.Handle!;
        int rc = raw.sqlite3_prepare_v2(db, "SELECT rowid, fileID, flags, file FROM Files", out sqlite3_stmt statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw new ManifestFormatException($"Manifest.db query failed: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }

        using (statement)
        {
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                yield return ReadRow(statement, wantKeys);
            }

            if (rc != raw.SQLITE_DONE)
            {
                throw new ManifestFormatException($"Manifest.db is damaged: {raw.sqlite3_errmsg(db).utf8_to_string()}");
            }
        }
    }

    private static ManifestRow ReadRow(sqlite3_stmt statement, bool wantKeys)
    {
        long rowId = raw.sqlite3_column_int64(statement, 0);
        var key = default(FileIdKey);
        bool idValid = raw.sqlite3_column_type(statement, 1) == raw.SQLITE_TEXT
            && FileIdKey.TryParseUtf8(raw.sqlite3_column_blob(statement, 1), out key);

        long flags = raw.sqlite3_column_int64(statement, 2);

        // Directories and symlinks (most rows of a real backup) have no blob to check: their records are not decoded.
        if (flags != ManifestFlags.File)
        {
            return new ManifestRow(rowId, key, idValid, flags, 0, 0, null, null);
        }

        var record = raw.sqlite3_column_type(statement, 3) == raw.SQLITE_BLOB ? raw.sqlite3_column_blob(statement, 3) : default;
        if (record.IsEmpty)
        {
            return new ManifestRow(rowId, key, idValid, flags, -1, 0, null, "no MBFile record");
        }

        try
        {
            var file = MbFileReader.Read(record, wantKeys);
            return new ManifestRow(rowId, key, idValid, flags, file.Size, file.ProtectionClass, file.EncryptionKey, null);
        }
        catch (PlistFormatException e)
        {
            return new ManifestRow(rowId, key, idValid, flags, -1, 0, null, e.Message);
        }
    }

    /// <summary>
    /// A blob column as one exact-size array (GetFieldValue: one copy, where GetBytes copies the whole blob on each
    /// call and with the SQLitePCLRaw 3.0.3 provider crashed when asked for more bytes than the blob holds). The
    /// length comes from SQL's length() first, so a damaged row cannot make us allocate more than a record can be.
    /// </summary>
    /// <returns>The bytes; empty for NULL or an empty blob; null for a record too large to be an MBFile.</returns>
    private static byte[]? ReadBlob(SqliteDataReader reader, int column, int lengthColumn)
    {
        if (reader.IsDBNull(column))
        {
            return [];
        }

        long length = reader.IsDBNull(lengthColumn) ? 0 : reader.GetInt64(lengthColumn);
        return length switch
        {
            <= 0 => [],
            > MaxRecordBytes => null,
            _ => reader.GetFieldValue<byte[]>(column),
        };
    }

    private static (MbFile File, string? Problem) Decode(byte[]? record, bool wantKeys)
    {
        if (record is null || record.Length == 0)
        {
            return (new MbFile(-1, 0, 0, null), record is null ? $"MBFile record larger than {MaxRecordBytes} bytes" : "no MBFile record");
        }

        try
        {
            return (MbFileReader.Read(record, wantKeys), null);
        }
        catch (PlistFormatException e)
        {
            return (new MbFile(-1, 0, 0, null), e.Message);
        }
    }

    private delegate T RowReader<T>(SqliteDataReader reader, bool wantKeys);

    /// <summary>Column reads can meet damage too (a corrupt overflow page): same exception as a failed step.</summary>
    private static T Guarded<T>(SqliteDataReader reader, bool wantKeys, RowReader<T> read)
    {
        try
        {
            return read(reader, wantKeys);
        }
        catch (SqliteException e)
        {
            throw new ManifestFormatException($"Manifest.db is damaged: {e.Message}", e);
        }
    }

    /// <summary>The fileID, domain and path of one row, for examples.</summary>
    internal (string FileId, string Domain, string RelativePath) Describe(long rowId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT ifnull(fileID, ''), ifnull(domain, ''), ifnull(relativePath, '') FROM Files WHERE rowid = $rowid";
        command.Parameters.AddWithValue("$rowid", rowId);
        using var reader = Execute(command);
        try
        {
            return Step(reader) ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : (string.Empty, string.Empty, string.Empty);
        }
        catch (SqliteException e)
        {
            throw new ManifestFormatException($"Manifest.db is damaged: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        DeleteTemp(_tempFolder);
    }

    private void CheckSchema()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT fileID, domain, relativePath, flags, file FROM Files LIMIT 0";
        using var reader = command.ExecuteReader();
    }

    private static SqliteDataReader Execute(SqliteCommand command)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException e)
        {
            throw new ManifestFormatException($"Manifest.db query failed: {e.Message}", e);
        }
    }

    private static bool Step(SqliteDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (SqliteException e)
        {
            throw new ManifestFormatException($"Manifest.db is damaged: {e.Message}", e);
        }
    }

    private static void CheckHeader(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[SqliteHeader.Length];
        int n = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (n == 0)
        {
            throw new ManifestFormatException("Manifest.db is empty (0 bytes).");
        }

        if (!SqliteHeader.HasMagic(header[..n]))
        {
            throw new ManifestFormatException("Manifest.db is not an SQLite database (encrypted, or damaged).");
        }

        if (n < SqliteHeader.Length)
        {
            throw new ManifestFormatException($"Manifest.db is cut short: {n} bytes.");
        }

        if (SqliteHeader.ExpectedLength(header) is long expected && stream.Length < expected)
        {
            throw new ManifestFormatException($"Manifest.db is cut short: {stream.Length} of {expected} bytes.");
        }
    }

    /// <summary>A <c>file:</c> URI with <c>immutable=1</c>; each path segment escaped so '?', '#' and '%' stay literal.</summary>
    private static string ImmutableUri(string path)
    {
        string full = Path.GetFullPath(path).Replace('\\', '/');
        var segments = full.Split('/').Select(Uri.EscapeDataString).ToArray();
        if (segments.Length > 0 && segments[0].EndsWith("%3A", StringComparison.Ordinal))
        {
            segments[0] = "/" + segments[0].Replace("%3A", ":", StringComparison.Ordinal);
        }

        return "file:" + string.Join('/', segments) + "?immutable=1";
    }

    private static void DeleteTemp(string? folder)
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
