namespace Kiriwake.Evidence.Crypto;

/// <summary>A backup keybag (Manifest.plist <c>BackupKeyBag</c>) or a wrapped key that breaks its format.</summary>
public sealed class KeybagFormatException : EvidenceFormatException
{
    public KeybagFormatException()
    {
    }

    public KeybagFormatException(string message)
        : base(message)
    {
    }

    public KeybagFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
