using System.Text.Json;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Diagnosis;

/// <summary>Core session events to and from store rows (kind, actor, JSON payload).</summary>
public static class EventRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SessionEventRow ToRow(SessionEvent e, string actor) => e switch
    {
        StepAnswered a => Row("answer", actor, new AnswerPayload(a.StepId, a.Answer), a.At),
        FactRecorded f => Row("fact", actor, new FactPayload(f.Key, f.Value, f.Source), f.At),
        AnswerUndone u => Row("undo", actor, new { }, u.At),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown session event"),
    };

    public static SessionEvent FromRow(SessionEventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Kind switch
        {
            "answer" when JsonSerializer.Deserialize<AnswerPayload>(row.Payload, Json) is { } a => new StepAnswered(a.StepId, a.Answer, row.At),
            "fact" when JsonSerializer.Deserialize<FactPayload>(row.Payload, Json) is { } f => new FactRecorded(f.Key, f.Value, f.Source, row.At),
            "undo" => new AnswerUndone(row.At),
            _ => throw new SessionException($"unknown event kind '{row.Kind}' at position {row.Sequence}"),
        };
    }

    private static SessionEventRow Row(string kind, string actor, object payload, DateTimeOffset at) => new()
    {
        SessionId = "",
        Kind = kind,
        Actor = actor,
        Payload = JsonSerializer.Serialize(payload, Json),
        At = at,
    };

    private sealed record AnswerPayload(string StepId, string Answer);

    private sealed record FactPayload(string Key, string Value, string Source);
}
