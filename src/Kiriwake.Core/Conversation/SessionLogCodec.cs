using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Core.Conversation;

/// <summary>
/// The session file format <c>kiriwake-session/1</c> as JSON text: the symptom, the knowledge base's version,
/// and the events (answer, fact, undo) each with its time and actor. Reading takes files written before actors and
/// versions were recorded (the person is then the actor of answers, an evidence reader of non-person facts).
/// </summary>
public static class SessionLogCodec
{
    public const string FormatName = "kiriwake-session/1";

    private static readonly JsonSerializerOptions s_options = new(ConversationJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Encode(SessionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var dto = new Dto
        {
            Format = FormatName,
            KnowledgeVersion = string.IsNullOrEmpty(log.KnowledgeVersion) ? null : log.KnowledgeVersion,
            Symptom = log.Symptom,
            Platform = log.Platform,
            Family = log.Family,
            Events = log.Events.Select(ToDto).ToList(),
        };
        return JsonSerializer.Serialize(dto, s_options);
    }

    /// <param name="name">The file's name, for messages.</param>
    /// <exception cref="SessionFormatException">The text is not a session log.</exception>
    public static SessionLog Decode(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        Dto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(text, s_options);
        }
        catch (JsonException ex)
        {
            throw new SessionFormatException($"{name}: not a session file ({ex.Message})", ex);
        }

        if (dto is null || dto.Format != FormatName || string.IsNullOrEmpty(dto.Symptom))
        {
            throw new SessionFormatException($"{name}: not a {FormatName} file");
        }

        var events = (dto.Events ?? []).Select((e, i) => FromDto(e, name, i)).ToArray();
        return new SessionLog(dto.Symptom, dto.KnowledgeVersion, dto.Platform, dto.Family, events);
    }

    private static EventDto ToDto(SessionEvent e) => e switch
    {
        StepAnswered a => new EventDto { Type = "answer", Step = a.StepId, Answer = a.Answer, At = a.At, Actor = a.Actor, By = a.By },
        FactRecorded f => new EventDto { Type = "fact", Key = f.Key, Value = f.Value, Source = f.Source, At = f.At, Actor = f.Actor, By = f.By, IsAnswer = f.IsAnswer ? true : null },
        AnswerUndone u => new EventDto { Type = "undo", At = u.At, Actor = u.Actor, By = u.By },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };

    private static SessionEvent FromDto(EventDto e, string name, int index) => e.Type switch
    {
        "answer" when e.Step is not null && e.Answer is not null => new StepAnswered(e.Step, e.Answer, e.At) { Actor = e.Actor ?? EventActor.Person, By = e.By },
        "fact" when e.Key is not null && e.Value is not null => new FactRecorded(e.Key, e.Value, e.Source ?? "", e.At)
        {
            Actor = e.Actor ?? ((e.Source ?? "").StartsWith("person", StringComparison.Ordinal) ? EventActor.Person : EventActor.EvidenceReader),
            IsAnswer = e.IsAnswer ?? false,
            By = e.By,
        },
        "undo" => new AnswerUndone(e.At) { Actor = e.Actor ?? EventActor.Person, By = e.By },
        _ => throw new SessionFormatException(string.Create(CultureInfo.InvariantCulture, $"{name}: event {index + 1} is malformed")),
    };

    private sealed class Dto
    {
        public string? Format { get; set; }

        public string? KnowledgeVersion { get; set; }

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

        public bool? IsAnswer { get; set; }

        public EventActor? Actor { get; set; }

        public string? By { get; set; }

        public DateTimeOffset At { get; set; }
    }
}

/// <summary>A text that is not a session log (or an event in it is malformed).</summary>
public sealed class SessionFormatException : Exception
{
    public SessionFormatException()
    {
    }

    public SessionFormatException(string message)
        : base(message)
    {
    }

    public SessionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
