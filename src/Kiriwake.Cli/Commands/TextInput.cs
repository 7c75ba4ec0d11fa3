using System.Text;
using Kiriwake.Core.Facts;
using Kiriwake.Files;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// Reading a pasted text or a log for `analyze` (and `diagnose --log`): a file or "-" for standard input,
/// encoding from the BOM or from the bytes (iTunes logs on Windows may be UTF-16, with or without a BOM), UTF-8
/// otherwise, and a size cap.
/// </summary>
internal static class TextInput
{
    /// <summary>Logs worth pasting are far smaller; a bigger file is almost certainly the wrong one.</summary>
    public const int MaxMegabytes = 64;

    /// <summary>The whole text, or null when it exceeds <see cref="MaxMegabytes"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<string?> ReadAsync(string file, TextReader standardInput, CancellationToken cancellationToken)
    {
        const int MaxChars = MaxMegabytes * 1024 * 1024;
        var fromStdin = file == "-";
        var reader = fromStdin ? standardInput : OpenText(file);
        try
        {
            var builder = new StringBuilder();
            var buffer = new char[81920];
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                if (builder.Length + read > MaxChars)
                {
                    return null;
                }

                builder.Append(buffer, 0, read);
            }

            return builder.ToString();
        }
        finally
        {
            if (!fromStdin)
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>A regular file only (a folder, a pipe or a device is refused), its encoding from the BOM or, without one, from its bytes (UTF-16 logs from Windows).</summary>
    private static StreamReader OpenText(string file)
    {
        var stream = UntrustedFile.OpenRegular(file);
        try
        {
            Span<byte> head = stackalloc byte[4096];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            var encoding = TextEncodings.Detect(head[..n], out _);
            return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>What a fact's source reads like in a transcript: "log:FILE line 12: …", "device:ideviceinfo -x -q …".</summary>
    public static string SourceLabel(Fact fact) => fact.Source.Kind switch
    {
        FactSourceKind.Log => "log:" + fact.Source.Origin + " " + fact.Detail,
        FactSourceKind.Device => "device:" + fact.Source.Origin + " (" + fact.Detail + ")",
        FactSourceKind.Backup => "backup:" + fact.Source.Origin,
        _ => "person:" + fact.Source.Origin,
    };
}
