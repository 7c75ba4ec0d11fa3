using System.Globalization;
using Kiriwake.Core.Conversation;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// A saved diagnosis session on disk (the <c>kiriwake-session/1</c> log, encoded by Core's
/// <see cref="SessionLogCodec"/>). It is rewritten after every event (to a temporary file, then renamed over the
/// old one), so killing the process loses no answer.
/// </summary>
internal static class SessionFile
{
    public const string FormatName = SessionLogCodec.FormatName;

    /// <summary>
    /// Where interactive sessions are kept when no --save is given: KIRIWAKE_SESSIONS, else the user's state folder
    /// (XDG_STATE_HOME or ~/.local/state on Linux and macOS, LocalApplicationData on Windows).
    /// </summary>
    public static string DefaultFolder()
    {
        var folder = Environment.GetEnvironmentVariable("KIRIWAKE_SESSIONS");
        if (!string.IsNullOrEmpty(folder))
        {
            return folder;
        }

        var state = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "kiriwake", "sessions");
    }

    /// <summary>A new session file's path in the folder.</summary>
    /// <returns>The path, or null when the folder cannot be created (the session then runs unsaved).</returns>
    public static string? NewPath(string? folder, TimeProvider time)
    {
        if (folder is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }

        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, $"session-{stamp}.json");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"session-{stamp}-{n.ToString(CultureInfo.InvariantCulture)}.json");
        }

        return path;
    }

    /// <summary>Session files are small; anything bigger is not one.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Writes to a temporary file of this process's own in the same folder (owner-only, flushed to disk), then
    /// renames it over the file: two writers never share a temporary name, and a failed write leaves nothing.
    /// <see cref="SessionStore"/> keeps one writer per file.
    /// </summary>
    public static void Save(SessionLog log, string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp"));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // A session holds what the person typed: readable by its owner only, whatever the umask.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(SessionLogCodec.Encode(log));
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The disk refused the write; it may refuse the delete too. Nothing else can be done here.
        }
    }

    /// <exception cref="InvalidDataException">The file is not a session file.</exception>
    /// <exception cref="IOException">A folder, a special file, too large, or unreadable.</exception>
    public static SessionLog Load(string path)
    {
        try
        {
            return SessionLogCodec.Decode(Kiriwake.Files.UntrustedFile.ReadAllText(path, MaxBytes), path);
        }
        catch (SessionFormatException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>The session files of a folder, newest first (by the time of their last event, then by name).</summary>
    public static IReadOnlyList<(string Path, SessionLog Log)> List(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        var sessions = new List<(string, SessionLog)>();
        foreach (var path in Directory.EnumerateFiles(folder, "session-*.json"))
        {
            try
            {
                sessions.Add((path, Load(path)));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // Not a session (or unreadable): not listed.
            }
        }

        return sessions
            .OrderByDescending(s => s.Item2.Events.Count > 0 ? s.Item2.Events.Max(e => e.At) : DateTimeOffset.MinValue)
            .ThenByDescending(s => s.Item1, StringComparer.Ordinal)
            .ToArray();
    }
}
