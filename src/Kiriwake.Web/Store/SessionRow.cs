namespace Kiriwake.Web.Store;

/// <summary>
/// One diagnosis session: what it started from and when it expires. Its state is its event log
/// (<see cref="SessionEventRow"/>), never a copy of derived state, so any process can serve any request.
/// </summary>
public sealed class SessionRow
{
    /// <summary>128 random bits as 32 lowercase hex digits.</summary>
    public required string Id { get; set; }

    public required string SymptomId { get; set; }

    public required string Language { get; set; }

    /// <summary>The model family ("iphone-no-home"…) chosen once or read from the device; null when not known.</summary>
    public string? Family { get; set; }

    /// <summary>The computer or device platform ("windows-itunes"…); null when not known.</summary>
    public string? Platform { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Every change moves this forward; past it the session and everything pasted into it is deleted.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>How many events the log holds; the next event's sequence number.</summary>
    public int EventCount { get; set; }

    public List<SessionEventRow> Events { get; set; } = [];
}
