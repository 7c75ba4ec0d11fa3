using System.Runtime.InteropServices;
using Kiriwake.Evidence.Plist;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// Reads Manifest.db without ever writing next to it: the file is opened with <c>immutable=1</c> (SQLite then
/// creates no -shm/-wal and takes no locks). When a non-empty -wal holds committed rows, the db and its -wal are
/// copied to a private temporary folder first (regular files only, never a link, under a size cap), and the copy
/// is deleted on dispose. A decrypted Manifest.db is never written to disk: SQLite reads it from memory
/// (<see cref="OpenDecrypted"/>). Only a real <c>Files</c> table with the expected columns is accepted (a view could
/// recurse forever), and every query can be cancelled.
/// </summary>
public sealed class ManifestDbReader : IDisposable
{
    /// <summary>An MBFile record is a few hundred bytes; anything past this is damage and is cut for decoding.</summary>
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>A -wal holds the last transactions of a backup; one larger than this is not a real one and is not copied.</summary>
    public const long MaxWalBytes = 256L * 1024 * 1024;

    /// <summary>The Manifest.db of a backup of a million files is about 500 MB; this is the most that is copied or decrypted into memory.</summary>
    public const long MaxDbBytes = 4L * 1024 * 1024 * 1024;

    private static readonly string[] s_columns = ["fileID", "domain", "relativePath", "flags", "file"];

    private readonly SqliteConnection _connection;
    private readonly string? _tempFolder;
    private readonly CancellationToken _cancellationToken;
    private readonly DecryptedManifest? _memory;

    private ManifestDbReader(SqliteConnection connection, string? tempFolder, DecryptedManifest? memory, CancellationToken cancellationToken)
    {
        _connection = connection;
        _tempFolder = tempFolder;
        _memory = memory;
        _cancellationToken = cancellationToken;
        // SQLite asks every 10,000 virtual machine steps whether to go on: a cancelled read stops within milliseconds.
        raw.sqlite3_progress_handler(connection.Handle!, 10_000, static state => ((ManifestDbReader)state).IsCancelled ? 1 : 0, this);
    }

    private bool IsCancelled => _cancellationToken.IsCancellationRequested;

    /// <summary>Opens a Manifest.db file read-only.</summary>
    /// <exception cref="ManifestFormatException">Not an SQLite file, cut short, or without a real Files table; a -wal that is a link, a special file or too large.</exception>
    /// <exception cref="IOException">The file cannot be read, or is not a regular file.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while copying.</exception>
    public static ManifestDbReader Open(string path, CancellationToken cancellationToken = default)
    {
        Kiriwake.Files.UntrustedFile.CheckRegular(path);
        CheckHeader(path);
        string wal = path + "-wal";
        string? temp = null;
        string dataSource;
        if (HasWal(wal))
        {
            temp = TempLeftovers.CreateFolder("kiriwake-wal-");
            try
            {
                string copy = Path.Combine(temp, "Manifest.db");
                CopyBounded(path, copy, MaxDbBytes, cancellationToken);
                CopyBounded(wal, copy + "-wal", MaxWalBytes, cancellationToken);
                dataSource = copy;
            }
            catch
            {
                DeleteTemp(temp);
                throw;
            }
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
        return Connect(new SqliteConnection(builder.ToString()), temp, null, cancellationToken);
    }

    /// <summary>Opens a decrypted Manifest.db held in memory; the reader owns <paramref name="memory"/> and wipes it on dispose.</summary>
    /// <exception cref="ManifestFormatException">Not SQLite, or without a real Files table.</exception>
    internal static ManifestDbReader OpenDecrypted(DecryptedManifest memory, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        try
        {
            connection.Open();

            // A database last written in WAL mode says so in its header (bytes 18 and 19 are 2); SQLite's in-memory
            // file cannot hold a WAL and would refuse it. As a rollback-journal database (1) it reads the same pages.
            if (memory.Length >= SqliteHeader.Length && Marshal.ReadByte(memory.Pointer, 18) == 2 && Marshal.ReadByte(memory.Pointer, 19) == 2)
            {
                Marshal.WriteByte(memory.Pointer, 18, 1);
                Marshal.WriteByte(memory.Pointer, 19, 1);
            }

            int rc = raw.sqlite3_deserialize(connection.Handle!, "main", memory.Pointer, memory.Length, memory.Length, raw.SQLITE_DESERIALIZE_READONLY);
            if (rc != raw.SQLITE_OK)
            {
                throw new ManifestFormatException($"Decrypted Manifest.db cannot be read as SQLite: {raw.sqlite3_errstr(rc).utf8_to_string()}");
            }
        }
        catch
        {
            connection.Dispose();
            memory.Dispose();
            throw;
        }

        return Connect(connection, null, memory, cancellationToken);
    }

    private static ManifestDbReader Connect(SqliteConnection connection, string? temp, DecryptedManifest? memory, CancellationToken cancellationToken)
    {
        ManifestDbReader? reader = null;
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }

            reader = new ManifestDbReader(connection, temp, memory, cancellationToken);
            reader.CheckSchema();
            return reader;
        }
        catch (SqliteException e)
        {
            Close(reader, connection, temp, memory);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ManifestFormatException($"Manifest.db cannot be read as SQLite: {e.Message}", e);
        }
        catch
        {
            Close(reader, connection, temp, memory);
            throw;
        }
    }

    private static void Close(ManifestDbReader? reader, SqliteConnection connection, string? temp, DecryptedManifest? memory)
    {
        if (reader is not null)
        {
            reader.Dispose();
            return;
        }

        connection.Dispose();
        memory?.Dispose();
        DeleteTemp(temp);
    }

    /// <summary>True when a -wal with content lies beside the db; it must be a regular file under the cap to be used.</summary>
    private static bool HasWal(string wal)
    {
        var info = new FileInfo(wal);
        if (!info.Exists && info.LinkTarget is null)
        {
            return false;
        }

        if (info.LinkTarget is not null || Kiriwake.Files.UnixFileType.Of(wal, followLinks: false) is Kiriwake.Files.UnixFileKind.Special or Kiriwake.Files.UnixFileKind.Link)
        {
            throw new ManifestFormatException("Manifest.db-wal is a link or a special file, not a file a backup writes; it was not read.");
        }

        if (info.Length > MaxWalBytes)
        {
            throw new ManifestFormatException($"Manifest.db-wal is {info.Length} bytes, more than the {MaxWalBytes / (1024 * 1024)} MB a backup's journal can be; it was not read.");
        }

        return info.Length > 0;
    }

    /// <summary>Copies a regular file into the private folder, owner-only, refusing more than <paramref name="maxBytes"/>.</summary>
    private static void CopyBounded(string source, string target, long maxBytes, CancellationToken cancellationToken)
    {
        using var input = Kiriwake.Files.UntrustedFile.OpenRegular(source, followLinks: false);
        if (input.Length > maxBytes)
        {
            throw new ManifestFormatException($"{Path.GetFileName(source)} is {input.Length} bytes, more than can be read ({maxBytes / (1024 * 1024)} MB).");
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var output = new FileStream(target, options);
        var buffer = new byte[1 << 20];
        long copied = 0;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            copied += n;
            if (copied > maxBytes)
            {
                throw new ManifestFormatException($"{Path.GetFileName(source)} grew past {maxBytes / (1024 * 1024)} MB while being read.");
            }

            output.Write(buffer, 0, n);
        }
    }

    /// <summary>Reads every row of Files, in rowid order. Records that do not decode carry a problem instead.</summary>
    /// <exception cref="ManifestFormatException">The database is damaged part-way.</exception>
    public IEnumerable<ManifestEntry> ReadEntries(bool wantKeys)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT fileID, domain, relativePath, flags, file, length(file) FROM Files";
        using var reader = Execute(command);
        long row = 0;
        while (Step(reader))
        {
            if ((row++ & 0x3FF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

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
            _cancellationToken.ThrowIfCancellationRequested();
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
            long row = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((row++ & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                yield return ReadRow(statement, wantKeys);
            }

            if (rc == raw.SQLITE_INTERRUPT)
            {
                _cancellationToken.ThrowIfCancellationRequested();
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
        _memory?.Dispose();
        DeleteTemp(_tempFolder);
    }

    /// <summary>
    /// Files must be a real table (sqlite_master type 'table'; a view, even a recursive one, is refused before it
    /// runs) with the columns a backup writes.
    /// </summary>
    private void CheckSchema()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT type FROM sqlite_master WHERE name = 'Files' COLLATE NOCASE";
        var types = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                types.Add(reader.IsDBNull(0) ? string.Empty : reader.GetString(0));
            }
        }

        if (types.Count == 0)
        {
            throw new ManifestFormatException("Manifest.db has no Files table.");
        }

        if (types.Any(t => t != "table"))
        {
            throw new ManifestFormatException($"Manifest.db's Files is a {types.First(t => t != "table")}, not a table: a backup never writes that, so it was not read.");
        }

        command.CommandText = "SELECT name FROM pragma_table_info('Files')";
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var missing = s_columns.Where(c => !columns.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new ManifestFormatException($"Manifest.db's Files table lacks the column(s) {string.Join(", ", missing)}.");
        }
    }

    private SqliteDataReader Execute(SqliteCommand command)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException e)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            throw new ManifestFormatException($"Manifest.db query failed: {e.Message}", e);
        }
    }

    private bool Step(SqliteDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (SqliteException e)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            throw new ManifestFormatException($"Manifest.db is damaged: {e.Message}", e);
        }
    }

    private static void CheckHeader(string path)
    {
        using var stream = Kiriwake.Files.UntrustedFile.OpenRegular(path);
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
