namespace Kiriwake.Core.Knowledge;

/// <summary>An error number a person sees, what it means and where it leads.</summary>
public sealed record ErrorCode(
    int Code,
    ErrorDomain Domain,
    string Class,
    LocalizedText Meaning,
    IReadOnlyList<LocalizedText> Messages,
    IReadOnlyList<string> SymptomIds,
    IReadOnlyList<string> CauseIds,
    IReadOnlyList<string> FirstSteps);

/// <summary>Update/restore codes (iTunes, Finder, Apple Devices) or backup codes (MBErrorDomain, idevicebackup2).</summary>
public enum ErrorDomain
{
    Restore,
    Backup,
}

/// <summary>A number range that suggests a class when the exact code is unknown.</summary>
public sealed record ErrorCodeRange(int From, int To, ErrorDomain Domain, string Class, LocalizedText Meaning);
