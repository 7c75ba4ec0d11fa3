using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>The queue of cases with filters (open, waiting for the person, escalated, closed) and the code box.</summary>
public static class QueuePage
{
    public static readonly IReadOnlyList<string> Filters = ["open", "waiting", "escalated", "closed", "all"];

    public static void MapQueuePage(this WebApplication app) =>
        app.MapGet("/helpdesk/cases", ShowAsync).RequireAuthorization(HelpdeskSetup.HelpdeskPolicy);

    private static async Task<IResult> ShowAsync(HttpContext context, string? status, HelpdeskContext db, KnowledgeModels models, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var filter = Filters.Contains(status ?? "") ? status! : "open";
        var query = db.Cases.AsNoTracking();
        query = filter switch
        {
            "open" => query.Where(c => c.Status == CaseStatus.Open),
            "waiting" => query.Where(c => c.Status == CaseStatus.Waiting),
            "escalated" => query.Where(c => c.Outcome == CaseOutcomes.Escalated),
            "closed" => query.Where(c => c.Status == CaseStatus.Closed),
            _ => query,
        };
        var rows = (await query.Select(c => new HelpdeskCase
        {
            Code = c.Code, SymptomId = c.SymptomId, Status = c.Status, CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt, ClosedAt = c.ClosedAt,
            Outcome = c.Outcome, EscalatedTo = c.EscalatedTo, ResolvedBy = c.ResolvedBy,
        }).ToListAsync(cancellationToken)).OrderByDescending(c => c.UpdatedAt).Take(500).ToArray();
        var kb = models.Knowledge;
        var body = new Html();
        body.El("h1", ja ? "案件一覧" : "Case queue", "id=\"queue-title\"");
        body.Raw("<form method=\"get\" action=\"/helpdesk/cases/open\" class=\"code-box\"><label for=\"code\">").Text(ja ? "案件番号で開く" : "Open by case code")
            .Raw("</label><div class=\"inline\"><input id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"20\" placeholder=\"K7QM-3XDP\" required>")
            .Raw("<button type=\"submit\">").Text(ja ? "開く" : "Open").Raw("</button></div></form>");
        body.Raw("<nav aria-label=\"").Text(ja ? "絞り込み" : "Filter").Raw("\" class=\"filters\"><ul>");
        foreach (var f in Filters)
        {
            body.Raw(f == filter ? $"<li><a href=\"/helpdesk/cases?status={f}\" aria-current=\"page\">" : $"<li><a href=\"/helpdesk/cases?status={f}\">").Text(FilterName(f, ja)).Raw("</a></li>");
        }

        body.Raw("</ul></nav>");
        body.Raw("<p><a href=\"/helpdesk/analytics\">").Text(ja ? "集計とグラフ" : "Analytics and charts").Raw("</a> · <a href=\"/api/cases/export?format=jsonl\">")
            .Text(ja ? "閉じた案件を書き出す(JSON lines)" : "Export closed cases (JSON lines)").Raw("</a></p>");
        if (rows.Length == 0)
        {
            body.El("p", ja ? "該当する案件はありません。" : "No cases here.", "class=\"muted\" id=\"queue-empty\"");
        }
        else
        {
            body.Raw("<div class=\"table-scroll\"><table class=\"queue\"><caption>").Text(FilterName(filter, ja)).Raw($" ({rows.Length})</caption><thead><tr><th scope=\"col\">")
                .Text(ja ? "番号" : "Code").Raw("</th><th scope=\"col\">").Text(ja ? "症状" : "Symptom").Raw("</th><th scope=\"col\">").Text(ja ? "状態" : "Status")
                .Raw("</th><th scope=\"col\">").Text(ja ? "最終更新" : "Updated").Raw("</th></tr></thead><tbody>");
            foreach (var c in rows)
            {
                var symptom = kb.Symptoms.TryGetValue(c.SymptomId, out var s) ? s.Title.Get(language) : c.SymptomId;
                body.Raw($"<tr><td><a class=\"case-code-inline\" href=\"/helpdesk/cases/{c.Code}\">").Text(CaseCodes.Display(c.Code)).Raw("</a></td><td>").Text(symptom)
                    .Raw("</td><td>").Text(StatusName(c, ja)).Raw("</td><td>").Text(CasePage.Time(context, c.UpdatedAt)).Raw("</td></tr>");
            }

            body.Raw("</tbody></table></div>");
        }

        return Layout.Page(context, language, ja ? "案件一覧" : "Case queue", body);
    }

    public static string FilterName(string filter, bool ja) => filter switch
    {
        "open" => ja ? "対応中" : "Open",
        "waiting" => ja ? "本人待ち" : "Waiting for the person",
        "escalated" => ja ? "引き継ぎ済み" : "Escalated",
        "closed" => ja ? "完了" : "Closed",
        _ => ja ? "すべて" : "All",
    };

    public static string StatusName(HelpdeskCase c, bool ja) => c.Status switch
    {
        CaseStatus.Open => ja ? "対応中" : "open",
        CaseStatus.Waiting => ja ? "本人待ち" : "waiting for the person",
        _ when c.Outcome == CaseOutcomes.Escalated => (ja ? "完了(引き継ぎ: " : "closed (escalated: ") + CasePage.TargetName(c.EscalatedTo ?? "", ja) + ")",
        _ => ja ? "完了(解決)" : "closed (fixed)",
    };
}
