namespace Kiriwake.Core.Knowledge;

/// <summary>A precondition that must hold before an action may be proposed.</summary>
public enum Gate
{
    /// <summary>A complete, recent, consistent backup exists (or the person accepted losing data).</summary>
    BackupVerified,

    /// <summary>The device's owner approved the step (someone else's or a company's device).</summary>
    OwnerConsent,

    /// <summary>The device is not managed (MDM); on a managed device the step goes to the administrator.</summary>
    NotManaged,
}
