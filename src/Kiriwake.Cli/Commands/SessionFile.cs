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

    public static void Save(SessionLog log, string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        File.WriteAllText(temp, SessionLogCodec.Encode(log));
        File.Move(temp, full, overwrite: true);
    }

    /// <exception cref="InvalidDataException">The file is not a session file.</exception>
    public static SessionLog Load(string path)
    {
        try
        {
            return SessionLogCodec.Decode(File.ReadAllText(path), path);
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
