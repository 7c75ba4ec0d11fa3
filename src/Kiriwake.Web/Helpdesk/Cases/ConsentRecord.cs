namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>
/// The device owner's consent to a data-loss step, as a technician recorded it: who consented, when, to what, and
/// how. The conversation's owner-consent gate opens only through such a record on a helpdesk case.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public string CaseCode { get; set; } = "";

    /// <summary>The owner's name as they gave it.</summary>
    public string ConsentedBy { get; set; } = "";

    /// <summary>When the owner consented (as the technician states it).</summary>
    public DateTimeOffset ConsentedAt { get; set; }

    /// <summary>What they consented to, in words: the steps' titles as the technician read them out.</summary>
    public string Scope { get; set; } = "";

    /// <summary>The step ids consented to (JSON array).</summary>
    public string Steps { get; set; } = "[]";

    /// <summary><see cref="ConsentMethods"/>: in-person, phone or signed-form.</summary>
    public string Method { get; set; } = "";

    /// <summary>The technician who recorded it, and when.</summary>
    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>How the owner gave consent.</summary>
public static class ConsentMethods
{
    public const string InPerson = "in-person";
    public const string Phone = "phone";
    public const string SignedForm = "signed-form";

    public static readonly IReadOnlyList<string> All = [InPerson, Phone, SignedForm];
}
