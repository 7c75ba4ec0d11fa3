using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>What a line pattern saw, before the knowledge base is consulted.</summary>
/// <param name="Status">A stable id for tool state lines (<see cref="ToolLineStatus"/>), used for facts.</param>
internal sealed record LineFinding(
    FindingKind Kind,
    LogFormat Format,
    ErrorDomain? Domain,
    int? Code,
    int Column,
    string Message,
    LocalizedText? Meaning,
    double Confidence,
    string? Status = null);

/// <summary>The tool state lines that become facts.</summary>
internal static class ToolLineStatus
{
    public const string BackupEncrypted = "backup-encrypted";
    public const string BackupUnencrypted = "backup-unencrypted";
    public const string BackupSucceeded = "backup-succeeded";
    public const string BackupFailed = "backup-failed";
    public const string BackupAborted = "backup-aborted";
}
