namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>
/// A learned overlay proposed on the admin page (learned on the server from uploaded closed cases) and, once an admin
/// approves it, the one every server lays over the knowledge base. Kept in the database so that every server of a
/// helpdesk diagnoses with the same approved overlay.
/// </summary>
public sealed class LearnedOverlayRow
{
    public long Id { get; set; }

    /// <summary><see cref="LearnedOverlayStatus"/>: pending, approved (at most one), superseded or withdrawn.</summary>
    public string Status { get; set; } = LearnedOverlayStatus.Pending;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>The knowledge base's version the overlay was learned against (it is approved only on that version).</summary>
    public string KnowledgeVersion { get; set; } = "";

    /// <summary>The name of the uploaded file of closed cases.</summary>
    public string SourceName { get; set; } = "";

    public int Cases { get; set; }

    /// <summary>The overlay itself as JSON (<see cref="OverlayJson"/>).</summary>
    public string Overlay { get; set; } = "";

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}

public static class LearnedOverlayStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Superseded = "superseded";
    public const string Withdrawn = "withdrawn";
}
