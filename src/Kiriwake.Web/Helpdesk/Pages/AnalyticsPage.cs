using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Pages;

/// <summary>Analytics: cases per symptom, fix rate and mean time per step, escalation rate — charts with the numbers as tables.</summary>
public static class AnalyticsPage
{
    public static void MapAnalyticsPage(this WebApplication app) =>
        app.MapGet("/helpdesk/analytics", ShowAsync).RequireAuthorization(HelpdeskSetup.HelpdeskPolicy);

    private static async Task<IResult> ShowAsync(HttpContext context, HelpdeskContext db, KnowledgeModels models, CancellationToken cancellationToken)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var cases = await db.Cases.AsNoTracking().ToListAsync(cancellationToken);
        var a = CaseAnalytics.Compute(cases, models.Knowledge, language);
        var body = new Html();
        body.El("h1", ja ? "集計" : "Analytics", "id=\"analytics-title\"");
        body.Raw("<p><a href=\"/helpdesk/cases\">").Text(ja ? "案件一覧" : "Case queue").Raw("</a></p>");
        body.El("p", ja ? $"案件 {cases.Count} 件(完了 {a.Closed} 件)" : $"{cases.Count} cases ({a.Closed} closed)");

        Section(body, "per-symptom", ja ? "症状ごとの案件数" : "Cases per symptom",
            a.PerSymptom.Select(p => (p.Title, (double)p.Count, p.Count.ToString(CultureInfo.InvariantCulture))).ToArray(), null, ja);
        Section(body, "fix-rate", ja ? "手順ごとの解決率" : "Fix rate per step",
            a.Steps.Select(s => (s.Title, s.FixRate, $"{s.FixRate.ToString("P0", CultureInfo.InvariantCulture)} ({s.Fixed}/{s.Tried})")).ToArray(), 1, ja);
        Section(body, "mean-time", ja ? "手順ごとの平均時間(分)" : "Mean time per step (minutes)",
            a.Steps.Select(s => (s.Title, s.MeanMinutes, s.MeanMinutes.ToString("0.#", CultureInfo.InvariantCulture))).ToArray(), null, ja);
        Section(body, "outcomes", ja ? "完了した案件の結果" : "Outcomes of closed cases",
        [
            (ja ? "解決" : "Fixed", a.CaseFixRate, $"{a.CaseFixRate.ToString("P0", CultureInfo.InvariantCulture)} ({a.FixedCases}/{a.Closed})"),
            (ja ? "引き継ぎ(エスカレーション率)" : "Escalated (escalation rate)", a.EscalationRate, $"{a.EscalationRate.ToString("P0", CultureInfo.InvariantCulture)} ({a.Escalated}/{a.Closed})"),
        ], 1, ja);
        return Layout.Page(context, language, ja ? "集計" : "Analytics", body);
    }

    private static void Section(Html body, string id, string title, IReadOnlyList<(string Label, double Value, string Text)> bars, double? max, bool ja)
    {
        body.Raw($"<section aria-labelledby=\"{id}-h\" class=\"chart-section\"><h2 id=\"{id}-h\">").Text(title).Raw("</h2>");
        if (bars.Count == 0)
        {
            body.El("p", ja ? "まだデータがありません。" : "No data yet.", "class=\"muted\"");
            body.Raw("</section>");
            return;
        }

        body.Raw(SvgBarChart.Render(id, title, bars, max));
        body.Raw("<details><summary>").Text(ja ? "数値の表" : "The numbers as a table").Raw("</summary><table><tbody>");
        foreach (var (label, _, text) in bars)
        {
            body.Raw("<tr><th scope=\"row\">").Text(label).Raw("</th><td>").Text(text).Raw("</td></tr>");
        }

        body.Raw("</tbody></table></details></section>");
    }
}
