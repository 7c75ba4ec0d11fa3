namespace Kiriwake.Web.Store;

/// <summary>
/// One diagnosis session: its event log (the conversation library's kiriwake-session/1 JSON, with who answered
/// each step) and when it expires. No derived state is stored, so any process can serve any request.
/// </summary>
public sealed class SessionRow
{
    /// <summary>128 random bits as 32 lowercase hex digits.</summary>
    public required string Id { get; set; }

    public required string SymptomId { get; set; }

    /// <summary>The language the session was started in ("ja" or "en"); the API answers in it.</summary>
    public required string Language { get; set; }

    /// <summary>The event log, encoded by SessionLogCodec.</summary>
    public required string Log { get; set; }

    /// <summary>How many events the log holds; a write must name the count it read (optimistic concurrency).</summary>
    public int EventCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Every change moves this forward; past it the session and everything pasted into it is deleted.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
