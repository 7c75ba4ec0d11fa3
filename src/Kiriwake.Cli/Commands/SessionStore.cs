using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>The session file is held by another process.</summary>
internal sealed class SessionInUseException(string path)
    : IOException($"{path}: 別の kiriwake がこのセッションを開いています。そちらを終了してから再開してください / another kiriwake has this session open; finish that one first");

/// <summary>
/// Where one diagnosis is kept while it runs: holds a lock beside the session file (<c>FILE.lock</c>, removed on
/// exit) so a second process refuses it with a clear message instead of racing the first, and saves after every
/// event. A save that fails (a full disk, a read-only folder, a folder given as the file) is said once and the
/// diagnosis goes on unsaved: the person's answers matter more than the file.
/// </summary>
internal sealed class SessionStore : IDisposable
{
    private static readonly LocalizedText s_cannotSave = new(
        "セッションを保存できません({0})。診断はこのまま続けますが、中断すると回答は残りません。",
        "The session cannot be saved ({0}). The diagnosis goes on, but answers will not be kept if it stops.");

    private static readonly LocalizedText s_permission = new("書き込みが許可されていません", "permission denied");
    private static readonly LocalizedText s_folder = new("保存先はフォルダーです。ファイル名を指定してください", "the path is a folder; give a file name");

    private readonly IAnsiConsole _error;
    private readonly Language _language;
    private readonly FileStream? _lock;
    private bool _warned;

    private SessionStore(string path, FileStream? lockStream, IAnsiConsole error, Language language)
    {
        Path = path;
        _lock = lockStream;
        _error = error;
        _language = language;
    }

    public string Path { get; }

    /// <summary>False once a save failed.</summary>
    public bool Saving => !_warned;

    /// <summary>Takes the session at <paramref name="path"/> for this process.</summary>
    /// <exception cref="SessionInUseException">Another process holds it.</exception>
    public static SessionStore Open(string path, IAnsiConsole error, Language language)
    {
        var lockPath = System.IO.Path.GetFullPath(path) + ".lock";
        FileStream? held = null;
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                Options = FileOptions.DeleteOnClose,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            held = new FileStream(lockPath, options);
        }
        catch (IOException ex) when (IsSharingViolation(ex))
        {
            throw new SessionInUseException(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No lock can be made where the file cannot be written either: the first save says so.
        }

        return new SessionStore(path, held, error, language);
    }

    public void Save(SessionLog log)
    {
        if (_warned)
        {
            return;
        }

        try
        {
            SessionFile.Save(log, Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _warned = true;
            var reason = ex is UnauthorizedAccessException ? s_permission.Get(_language)
                : Directory.Exists(Path) ? s_folder.Get(_language)
                : ex.Message;
            _error.MarkupLine($"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, s_cannotSave.Get(_language), Kiriwake.Core.Text.UntrustedText.Shorten(Path + ": " + reason, 300)))}[/]");
        }
    }

    public void Dispose() => _lock?.Dispose();

    // Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION. Unix: .NET takes flock(LOCK_EX | LOCK_NB) for
    // FileShare.None and reports a held lock with errno EWOULDBLOCK (11 on Linux, 35 on macOS) as the HResult.
    private static bool IsSharingViolation(IOException ex) =>
        ex is not FileNotFoundException and not DirectoryNotFoundException
        && (OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : ex.HResult is 11 or 35);
}
