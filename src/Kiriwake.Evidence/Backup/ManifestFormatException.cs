namespace Kiriwake.Evidence.Backup;

/// <summary>
/// A backup's manifest (Manifest.db, Manifest.mbdb, or an MBFile record in it) is damaged: not SQLite, cut
/// short, missing its tables, or holding records that break the format.
/// </summary>
public sealed class ManifestFormatException : EvidenceFormatException
{
    public ManifestFormatException()
    {
    }

    public ManifestFormatException(string message)
        : base(message)
    {
    }

    public ManifestFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
