namespace Kiriwake.Web.Helpdesk.Audit;

/// <summary>The outcome of walking the audit chain: how many rows were checked and the first broken link, if any.</summary>
public sealed record AuditVerification(long RowsChecked, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>Where the chain breaks: the row's position and why.</summary>
public sealed record AuditBreak(long Seq, AuditBreakKind Kind, string Message);

public enum AuditBreakKind
{
    /// <summary>A position is missing or repeated (a row removed or inserted).</summary>
    Gap,

    /// <summary>The row does not point at the previous row's hash (a row before it was removed or replaced).</summary>
    Link,

    /// <summary>The row's contents no longer give its hash (the row was edited).</summary>
    Content,
}
