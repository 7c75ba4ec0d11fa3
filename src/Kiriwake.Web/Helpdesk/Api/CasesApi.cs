using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Helpdesk.Store;

namespace Kiriwake.Web.Helpdesk.Api;

/// <summary>`GET /api/cases/export?format=jsonl`: closed cases for learning (signed-in agents, technicians, admins); audited.</summary>
public static class CasesApi
{
    public static void MapCasesApi(this WebApplication app) =>
        app.MapGet("/api/cases/export", ExportAsync).RequireAuthorization(CasesSetup.ExportPolicy);

    private static async Task<IResult> ExportAsync(HttpContext context, string? format, HelpdeskContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        if (format is not (null or "jsonl"))
        {
            return TypedResults.Problem(detail: "format must be jsonl", statusCode: StatusCodes.Status400BadRequest);
        }

        using var buffer = new MemoryStream();
        var count = await CaseExport.WriteAsync(db, buffer, cancellationToken);
        await audit.AppendAsync(new AuditEntry(context.User.Identity?.Name ?? "", "export", Detail: $"{{\"format\":\"jsonl\",\"cases\":{count}}}"), cancellationToken);
        return Results.File(buffer.ToArray(), CaseExport.ContentType, "kiriwake-cases.jsonl");
    }
}
