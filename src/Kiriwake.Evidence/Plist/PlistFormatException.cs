namespace Kiriwake.Evidence.Plist;

/// <summary>The bytes are not a well-formed property list (binary or XML).</summary>
public sealed class PlistFormatException : EvidenceFormatException
{
    public PlistFormatException()
    {
    }

    public PlistFormatException(string message)
        : base(message)
    {
    }

    public PlistFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
