using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Conversation;
using Kiriwake.Knowledge.Mermaid;
using Kiriwake.Web.Diagnosis;

namespace Kiriwake.Web.Pages;

/// <summary>Browsing the knowledge base: error numbers, button procedures per model, checklists, FAQ, the 4013 flow.</summary>
public static class KnowledgePages
{
    public static void MapKnowledgePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kb/codes", Codes);
        app.MapGet("/kb/procedures", Procedures);
        app.MapGet("/kb/checklists", Checklists);
        app.MapGet("/kb/checklists/{id}", Checklist);
        app.MapGet("/kb/faq", Faq);
        app.MapGet("/kb/flow", FlowPage);
    }

    private static IResult Codes(HttpContext context, KnowledgeModels host)
    {
        var language = PageLanguage.Of(context);
        var kb = host.Knowledge;
        var body = new Html();
        body.El("h1", WebText.ErrorCodes.Get(language));
        foreach (var domain in new[] { ErrorDomain.Restore, ErrorDomain.Backup })
        {
            body.El("h2", domain == ErrorDomain.Restore ? WebText.ChannelRestore.Get(language) : WebText.ChannelComputer.Get(language), $"id=\"{(domain == ErrorDomain.Restore ? "restore" : "backup")}\"");
            body.Raw("<dl class=\"codes\">");
            foreach (var code in kb.Content.ErrorCodes.Where(c => c.Domain == domain).OrderBy(c => c.Code))
            {
                body.Raw("<dt>").Text(code.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</dt><dd>").El("p", code.Meaning.Get(language));
                body.List(code.Messages.Select(m => m.Get(language)), "ul", "class=\"messages\"");
                if (code.SymptomIds.Count > 0)
                {
                    body.Raw($"<form method=\"get\" action=\"/\"><input type=\"hidden\" name=\"symptom\" value=\"{Html.E(code.SymptomIds[0])}\">")
                        .Raw("<button type=\"submit\" class=\"secondary\">").Text(WebText.StartWithThis.Get(language)).Raw("</button></form>");
                }

                body.Raw("</dd>");
            }

            body.Raw("</dl>");
        }

        return Layout.Page(context, language, WebText.ErrorCodes.Get(language), body);
    }

    private static IResult Procedures(HttpContext context, KnowledgeModels host, string? family)
    {
        var language = PageLanguage.Of(context);
        var kb = host.Knowledge;
        var chosen = KebabNames.ParseFamily(family);
        var body = new Html();
        body.El("h1", WebText.Procedures.Get(language));
        body.Raw("<form method=\"get\" action=\"/kb/procedures\" class=\"inline\"><label for=\"family\">").Text(WebText.FamilyLabel.Get(language)).Raw("</label>")
            .Raw("<select id=\"family\" name=\"family\">");
        foreach (var f in Enum.GetValues<ButtonFamily>())
        {
            body.Raw($"<option value=\"{KebabNames.Of(f)}\"{(f == chosen ? " selected" : "")}>").Text(WebText.FamilyName(f).Get(language)).Raw("</option>");
        }

        body.Raw("</select><button type=\"submit\">").Text(WebText.Search.Get(language)).Raw("</button></form>");
        foreach (var f in chosen is { } c ? [c] : Enum.GetValues<ButtonFamily>())
        {
            body.El("h2", WebText.FamilyName(f).Get(language));
            foreach (var kind in Enum.GetValues<ProcedureKind>())
            {
                if (kb.FindProcedure(kind, f) is not { } p)
                {
                    continue;
                }

                body.El("h3", WebText.ProcedureName(kind).Get(language));
                body.List(p.Steps.Select(s => s.Text.Get(language)), "ol");
                if (p.Warnings.Count > 0)
                {
                    body.Raw("<div class=\"notice warn\"><strong>").Text(WebText.Warnings.Get(language)).Raw("</strong>").List(p.Warnings.Select(w => w.Get(language))).Raw("</div>");
                }
            }
        }

        return Layout.Page(context, language, WebText.Procedures.Get(language), body);
    }

    private static IResult Checklists(HttpContext context, KnowledgeModels host)
    {
        var language = PageLanguage.Of(context);
        var body = new Html();
        body.El("h1", WebText.Checklists.Get(language));
        body.Raw("<ul class=\"links\">");
        foreach (var c in host.Knowledge.Content.Checklists)
        {
            body.Raw($"<li><a href=\"/kb/checklists/{Html.Url(c.Id)}\">").Text(c.Title.Get(language)).Raw("</a> <span class=\"muted\">").Text(c.Purpose.Get(language)).Raw("</span></li>");
        }

        body.Raw("</ul>");
        return Layout.Page(context, language, WebText.Checklists.Get(language), body);
    }

    private static IResult Checklist(HttpContext context, KnowledgeModels host, string id)
    {
        var language = PageLanguage.Of(context);
        if (!host.Knowledge.Checklists.TryGetValue(id, out var c))
        {
            return ErrorPage.Show(context, 404, WebText.NotFound.Get(language), language);
        }

        var body = new Html();
        body.El("h1", c.Title.Get(language)).El("p", c.Purpose.Get(language));
        body.Raw("<ul class=\"checklist\">");
        var n = 0;
        foreach (var item in c.Items)
        {
            n++;
            body.Raw($"<li><input type=\"checkbox\" id=\"c{n}\"><label for=\"c{n}\">").Text(item.Text.Get(language)).Raw("</label>");
            if (item.Detail is { } d)
            {
                body.El("p", d.Get(language), "class=\"muted\"");
            }

            body.Raw("</li>");
        }

        body.Raw("</ul>");
        return Layout.Page(context, language, c.Title.Get(language), body);
    }

    private static IResult Faq(HttpContext context, KnowledgeModels host, string? q)
    {
        var language = PageLanguage.Of(context);
        var body = new Html();
        body.El("h1", WebText.Faq.Get(language));
        body.Raw("<form method=\"get\" action=\"/kb/faq\" role=\"search\" class=\"inline\"><label for=\"q\">").Text(WebText.FaqSearch.Get(language)).Raw("</label>")
            .Raw($"<input type=\"search\" id=\"q\" name=\"q\" value=\"{Html.E(q)}\" maxlength=\"200\"><button type=\"submit\">").Text(WebText.Search.Get(language)).Raw("</button></form>");
        var query = (q ?? "").Length > 200 ? q![..200] : q ?? "";
        var hits = FaqSearch.Search(host.Knowledge.Content.Faq, query);
        if (hits.Count == 0)
        {
            body.El("p", WebText.NoResults.Get(language), "class=\"notice\" role=\"status\"");
        }

        foreach (var hit in hits)
        {
            body.Raw("<details class=\"faq\"><summary>").Text(hit.Entry.Question.Get(language)).Raw("</summary>").El("p", hit.Entry.Answer.Get(language)).Raw("</details>");
        }

        return Layout.Page(context, language, WebText.Faq.Get(language), body);
    }

    /// <summary>The 4013 flow: drawn by the Mermaid file the app serves; readable as a list without script.</summary>
    private static IResult FlowPage(HttpContext context, KnowledgeModels host)
    {
        var language = PageLanguage.Of(context);
        var flow = host.Knowledge.Content.Flows.FirstOrDefault(f => f.Id.Contains("4013", StringComparison.Ordinal)) ?? host.Knowledge.Content.Flows.FirstOrDefault();
        var body = new Html();
        body.El("h1", flow?.Title.Get(language) ?? WebText.Flow.Get(language));
        if (flow is null)
        {
            return Layout.Page(context, language, WebText.Flow.Get(language), body.El("p", WebText.NoResults.Get(language)));
        }

        body.Raw("<figure class=\"flow\"><pre class=\"mermaid\" aria-hidden=\"true\">").Text(MermaidFlowWriter.Write(flow, language)).Raw("</pre></figure>");
        body.El("h2", WebText.FlowAsText.Get(language));
        body.Raw("<ol class=\"flow-text\">");
        var labels = flow.Nodes.ToDictionary(n => n.Id, n => n.Label.Get(language), StringComparer.Ordinal);
        foreach (var node in flow.Nodes)
        {
            body.Raw($"<li id=\"n-{Html.E(node.Id)}\">").Text(node.Label.Get(language));
            var edges = flow.Edges.Where(e => e.From == node.Id).ToArray();
            if (edges.Length > 0)
            {
                body.Raw("<ul>");
                foreach (var e in edges)
                {
                    body.Raw("<li>").Text(e.Label is { } l ? l.Get(language) + " → " : "→ ").Raw($"<a href=\"#n-{Html.E(e.To)}\">").Text(labels.GetValueOrDefault(e.To, e.To)).Raw("</a></li>");
                }

                body.Raw("</ul>");
            }

            body.Raw("</li>");
        }

        body.Raw("</ol><script src=\"/vendor/mermaid.min.js\" defer></script><script src=\"/js/flow.js\" defer></script>");
        return Layout.Page(context, language, flow.Title.Get(language), body);
    }
}
