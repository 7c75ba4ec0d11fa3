using System.Globalization;
using System.Text;
using System.Text.Json;
using Kiriwake.Web.Helpdesk.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>
/// Closed cases as JSON lines, the input of learning from outcomes (`kiriwake kb learn`): one object per line,
/// <c>{"caseCode", "closedAt", "outcome", "resolvedBy", "confirmedCause", "report"}</c>, where <c>report</c> is the
/// report stored at closing — exactly the object `kiriwake diagnose --format json` prints for that session.
/// </summary>
public static class CaseExport
{
    public const string ContentType = "application/jsonl; charset=utf-8";

    /// <summary>Writes every closed case, oldest closing first; returns how many.</summary>
    public static async Task<int> WriteAsync(HelpdeskContext db, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        var closed = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Closed && c.Report != null)
            .Select(c => new { c.Code, c.ClosedAt, c.Outcome, c.ResolvedBy, c.ConfirmedCause, c.Report })
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var c in closed.OrderBy(c => c.ClosedAt).ThenBy(c => c.Code, StringComparer.Ordinal))
        {
            using var buffer = new MemoryStream();
            await using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("caseCode", CaseCodes.Display(c.Code));
                w.WriteString("closedAt", c.ClosedAt!.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                w.WriteString("outcome", c.Outcome);
                WriteNullable(w, "resolvedBy", c.ResolvedBy);
                WriteNullable(w, "confirmedCause", c.ConfirmedCause);
                w.WritePropertyName("report");
                w.WriteRawValue(c.Report!, skipInputValidation: false);
                w.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>The same as text (tests, small exports).</summary>
    public static async Task<string> ToStringAsync(HelpdeskContext db, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await WriteAsync(db, stream, cancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
