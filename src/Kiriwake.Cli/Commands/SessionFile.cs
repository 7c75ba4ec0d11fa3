using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// A saved diagnosis session: which symptom and how to show it, and the event log. It is rewritten after every
/// event (to a temporary file of its own, flushed to disk, then renamed over the old one), so killing the process
/// loses no answer and two writers never share a temporary file. <see cref="SessionStore"/> keeps one writer per file.
/// </summary>
internal sealed record SessionFile(string Symptom, string? Platform, string? Family, IReadOnlyList<SessionEvent> Events)
{
    public const string FormatName = "kiriwake-session/1";

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Where an interactive session is kept when no --save is given: KIRIWAKE_SESSIONS, else the user's state
    /// folder (XDG_STATE_HOME or ~/.local/state on Linux and macOS, LocalApplicationData on Windows).
    /// </summary>
    /// <returns>The path, or null when the folder cannot be created (the session then runs unsaved).</returns>
    public static string? DefaultPath(TimeProvider time)
    {
        var folder = Environment.GetEnvironmentVariable("KIRIWAKE_SESSIONS");
        if (string.IsNullOrEmpty(folder))
        {
            var state = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                    ? xdg
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            folder = Path.Combine(state, "kiriwake", "sessions");
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

    public void Save(string path)
    {
        var dto = new Dto
        {
            Format = FormatName,
            Symptom = Symptom,
            Platform = Platform,
            Family = Family,
            Events = Events.Select(ToDto).ToList(),
        };
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
            {
                JsonSerializer.Serialize(stream, dto, s_options);
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

    /// <summary>Session files are small; anything bigger is not one.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

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

    /// <exception cref="InvalidDataException">The file is not a session file (JSON nesting is capped at 64 levels).</exception>
    /// <exception cref="IOException">A folder, a special file, too large, or unreadable.</exception>
    public static SessionFile Load(string path)
    {
        Dto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(Kiriwake.Files.UntrustedFile.ReadAllText(path, MaxBytes), s_options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a session file ({ex.Message})", ex);
        }

        if (dto is null || dto.Format != FormatName || string.IsNullOrEmpty(dto.Symptom))
        {
            throw new InvalidDataException($"{path}: not a {FormatName} file");
        }

        var events = (dto.Events ?? []).Select((e, i) => FromDto(e, path, i)).ToArray();
        return new SessionFile(dto.Symptom, dto.Platform, dto.Family, events);
    }

    private static EventDto ToDto(SessionEvent e) => e switch
    {
        StepAnswered a => new EventDto { Type = "answer", Step = a.StepId, Answer = a.Answer, At = a.At },
        FactRecorded f => new EventDto { Type = "fact", Key = f.Key, Value = f.Value, Source = f.Source, At = f.At },
        AnswerUndone u => new EventDto { Type = "undo", At = u.At },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };

    private static SessionEvent FromDto(EventDto e, string path, int index) => e.Type switch
    {
        "answer" when e.Step is not null && e.Answer is not null => new StepAnswered(e.Step, e.Answer, e.At),
        "fact" when e.Key is not null && e.Value is not null => new FactRecorded(e.Key, e.Value, e.Source ?? "", e.At),
        "undo" => new AnswerUndone(e.At),
        _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: event {index + 1} is malformed")),
    };

    private sealed class Dto
    {
        public string? Format { get; set; }

        public string? Symptom { get; set; }

        public string? Platform { get; set; }

        public string? Family { get; set; }

        public List<EventDto>? Events { get; set; }
    }

    private sealed class EventDto
    {
        public string? Type { get; set; }

        public string? Step { get; set; }

        public string? Answer { get; set; }

        public string? Key { get; set; }

        public string? Value { get; set; }

        public string? Source { get; set; }

        public DateTimeOffset At { get; set; }
    }
}
