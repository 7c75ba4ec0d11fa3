using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kiriwake.Web.Helpdesk.Audit;

/// <summary>
/// The hash chain of the audit table. Each row's hash is SHA-256 over a canonical encoding of its fields
/// (format tag, seq, time in microseconds since the Unix epoch, actor, action, case code, detail) and the previous
/// row's hash. Every field is written as "byte length:bytes\n" (a missing case code as "-\n") so no two different
/// rows encode alike.
/// </summary>
public static class AuditChain
{
    public const string Format = "kiriwake-audit/1";

    /// <summary>The previous hash of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Time as both databases keep it: UTC, whole microseconds.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string ComputeHash(AuditEvent row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var micros = (Normalize(row.At).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        using var buffer = new MemoryStream();
        foreach (var field in new string?[]
                 {
                     Format,
                     row.Seq.ToString(CultureInfo.InvariantCulture),
                     micros.ToString(CultureInfo.InvariantCulture),
                     row.Actor,
                     row.Action,
                     row.CaseCode,
                     row.Detail,
                     row.PrevHash,
                 })
        {
            if (field is null)
            {
                buffer.Write("-\n"u8);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(field);
            var prefix = Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":");
            buffer.Write(prefix);
            buffer.Write(bytes);
            buffer.WriteByte((byte)'\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
