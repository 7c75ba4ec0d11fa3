namespace Kiriwake.Web.Hosting;

/// <summary>Limits on what a person can paste or upload.</summary>
public static class TextLimits
{
    /// <summary>Pasted text: far more than any dialog or the part of a log around an error.</summary>
    public const int MaxPastedChars = 1_000_000;

    /// <summary>An uploaded log file.</summary>
    public const long MaxUploadBytes = 4 * 1024 * 1024;

    /// <summary>A whole request (form with a file); larger bodies are refused before they are read.</summary>
    public const long MaxRequestBytes = MaxUploadBytes + (2 * 1024 * 1024);

    /// <summary>True when the bytes look like text: no NUL byte, and valid UTF-8 (or UTF-16 with a BOM).</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return true;
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        return System.Text.Unicode.Utf8.IsValid(bytes);
    }
}
