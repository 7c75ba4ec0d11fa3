namespace Kiriwake.Evidence;

/// <summary>
/// Malformed evidence: a file or tool output whose content breaks its format. Each format has one derived
/// type (<see cref="Plist.PlistFormatException"/>, <see cref="Backup.ManifestFormatException"/>, …), so callers
/// can catch "this evidence is damaged" without catching programming errors. Misuse by the caller stays an
/// <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/>.
/// </summary>
public class EvidenceFormatException : FormatException
{
    public EvidenceFormatException()
    {
    }

    public EvidenceFormatException(string message)
        : base(message)
    {
    }

    public EvidenceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
