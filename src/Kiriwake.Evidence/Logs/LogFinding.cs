using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>Everything found in one text: the findings in line order and the formats they came from.</summary>
public sealed record LogAnalysis(IReadOnlyList<LogFinding> Findings, IReadOnlyList<LogFormat> Formats)
{
    public static LogAnalysis Empty { get; } = new([], []);
}

/// <summary>
/// One thing found in a text: an error code or a known message, where it is, and what it points to in the
/// knowledge base.
/// </summary>
/// <param name="Line">1-based line of the first occurrence.</param>
/// <param name="Column">1-based column where the match starts on that line.</param>
/// <param name="AlsoAt">Further lines where the same code or message appears.</param>
/// <param name="Excerpt">The line as found (trimmed, at most 200 characters): untrusted text, escape it before markup.</param>
/// <param name="Message">What matched: the tool's error text, or the knowledge base's wording of a known message.</param>
/// <param name="Meaning">What it means, from the knowledge base's code or range, or the analyzer's own words for tool lines.</param>
/// <param name="Symptoms">Symptom ids of the knowledge base, most likely first.</param>
/// <param name="Causes">Cause ids of the knowledge base, most likely first.</param>
/// <param name="Confidence">How sure the match is, 0–1: an exact tool line or message is near 1, a bare number in parentheses lower.</param>
/// <param name="Status">For tool state lines, a stable id (backup-encrypted, backup-unencrypted, backup-succeeded, backup-failed, backup-aborted).</param>
public sealed record LogFinding(
    int Line,
    int Column,
    IReadOnlyList<int> AlsoAt,
    string Excerpt,
    FindingKind Kind,
    LogFormat Format,
    ErrorDomain? Domain,
    int? Code,
    string Message,
    LocalizedText? Meaning,
    IReadOnlyList<string> Symptoms,
    IReadOnlyList<string> Causes,
    double Confidence,
    string? Status = null)
{
    /// <summary>The <c>log.error-code</c> fact value, e.g. "restore:4013"; null when the finding has no code.</summary>
    public string? CodeKey => Code is { } code && Domain is { } domain
        ? (domain == ErrorDomain.Restore ? "restore:" : "backup:") + code.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;
}

/// <summary>What kind of thing was found.</summary>
public enum FindingKind
{
    /// <summary>An error code (dialog, tool or log line).</summary>
    ErrorCode,

    /// <summary>A message the knowledge base lists for a symptom or an error code.</summary>
    KnownMessage,

    /// <summary>A tool line that reports a failure without a code (e.g. "Unable to discover device mode").</summary>
    ToolError,

    /// <summary>A tool line that reports state, not failure (encryption on, backup successful, device mode).</summary>
    ToolStatus,
}

/// <summary>Where a line comes from, as far as its shape tells.</summary>
public enum LogFormat
{
    /// <summary>A pasted error dialog or any other free text.</summary>
    Dialog,

    /// <summary>idevicebackup2 output.</summary>
    Idevicebackup2,

    /// <summary>idevicerestore output, either log style.</summary>
    Idevicerestore,

    /// <summary>An iTunes, Apple Devices or Finder log.</summary>
    AppleLog,
}
