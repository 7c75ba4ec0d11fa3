using System.Globalization;
using System.Text;
using System.Text.Json;
using Kiriwake.Core.Knowledge;
using Kiriwake.Learning;
using Kiriwake.Learning.Cases;
using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Pages;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>
/// The admin's learning page (docs/learning.md): upload closed cases (the helpdesk's JSON-lines export or
/// `diagnose --format json` reports), see what the learned overlay would change per symptom, and approve it — only
/// then does every server diagnose with it. Admin role only; every form carries the antiforgery token; proposing,
/// approving and withdrawing are written to the audit log.
/// </summary>
public static class LearningPages
{
    public const string Path = "/helpdesk/admin/learning";

    public static void MapLearningPages(this WebApplication app)
    {
        app.MapGet(Path, ListAsync).RequireAuthorization(HelpdeskSetup.AdminPolicy);
        app.MapPost(Path, ProposeAsync).DisableAntiforgery().RequireAuthorization(HelpdeskSetup.AdminPolicy);
        app.MapGet(Path + "/{id:long}", ShowAsync).RequireAuthorization(HelpdeskSetup.AdminPolicy);
        app.MapPost(Path + "/{id:long}/approve", ApproveAsync).DisableAntiforgery().RequireAuthorization(HelpdeskSetup.AdminPolicy);
        app.MapPost(Path + "/withdraw", WithdrawAsync).DisableAntiforgery().RequireAuthorization(HelpdeskSetup.AdminPolicy);
    }

    private static async Task<IResult> ListAsync(HttpContext context, LearningContext db, ServedKnowledge served)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        var rows = await db.Overlays.AsNoTracking().OrderByDescending(o => o.Id).Take(50)
            .Select(o => new { o.Id, o.Status, o.CreatedAt, o.CreatedBy, o.Cases, o.SourceName }).ToListAsync(context.RequestAborted);
        var body = new Html();
        body.Raw($"<h1>{T(ja, "学習した確率", "Learned probabilities")}</h1>");
        body.Raw($"<p>{T(ja,
            "終了したケース(ヘルプデスクの書き出し、または診断の JSON レポート)から、原因の起こりやすさと手順が直す確率を学習します。学習結果は管理者が承認するまで診断に使われません。",
            "Learns how likely each cause is and how often each step fixes it from closed cases (the helpdesk's export, or diagnosis JSON reports). Nothing is used in diagnoses until an admin approves it.")}</p>");
        body.Raw(InUse(context, served, ja));
        body.Raw($"""
            <h2>{T(ja, "ケースから学習する", "Learn from cases")}</h2>
            <form method="post" action="{Path}" enctype="multipart/form-data">{Layout.Antiforgery(context)}
            <p><label for="cases">{T(ja, "ケースのファイル(.jsonl または .json、4 MB まで)", "File of cases (.jsonl or .json, up to 4 MB)")}</label>
            <input type="file" id="cases" name="cases" accept=".jsonl,.ndjson,.json" required></p>
            <button type="submit">{T(ja, "学習して変更点を見る", "Learn and show the changes")}</button></form>
            """);
        if (rows.Count > 0)
        {
            body.Raw($"<h2>{T(ja, "これまでの学習結果", "Learned overlays")}</h2><table><thead><tr>")
                .Raw($"<th scope=\"col\">{T(ja, "番号", "No.")}</th><th scope=\"col\">{T(ja, "作成", "Made")}</th><th scope=\"col\">{T(ja, "ケース数", "Cases")}</th><th scope=\"col\">{T(ja, "状態", "State")}</th></tr></thead><tbody>");
            foreach (var r in rows)
            {
                body.Raw($"<tr><td><a href=\"{Path}/{r.Id.ToString(CultureInfo.InvariantCulture)}\">#{r.Id.ToString(CultureInfo.InvariantCulture)}</a></td>")
                    .Raw($"<td>{Html.E(When(context, r.CreatedAt))} {Html.E(r.CreatedBy)} ({Html.E(r.SourceName)})</td><td>{Html.N(r.Cases)}</td><td>{Html.E(StatusName(r.Status, ja))}</td></tr>");
            }

            body.Raw("</tbody></table>");
        }

        return Layout.Page(context, language, T(ja, "学習した確率", "Learned probabilities"), body);
    }

    private static async Task<IResult> ProposeAsync(HttpContext context, IAntiforgery antiforgery, LearningContext db, ServedKnowledge served, TimeProvider time)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        if (await Forms.ReadAsync(context, antiforgery, language) is not { } form)
        {
            return Forms.Rejected(context, language);
        }

        if (form.Files.GetFile("cases") is not { Length: > 0 } file)
        {
            return Problem(context, language, T(ja, "ケースのファイルを選んでください。", "Choose a file of cases."), []);
        }

        if (file.Length > TextLimits.MaxUploadBytes)
        {
            return Problem(context, language, T(ja, "ファイルが大きすぎます(4 MB まで)。", "The file is too large (up to 4 MB)."), [], StatusCodes.Status413PayloadTooLarge);
        }

        var name = System.IO.Path.GetFileName(file.FileName);
        name = string.IsNullOrWhiteSpace(name) ? "cases.jsonl" : name[..Math.Min(name.Length, 200)];
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                text = await reader.ReadToEndAsync(context.RequestAborted);
            }
            catch (DecoderFallbackException)
            {
                return Problem(context, language, T(ja, "ファイルが UTF-8 のテキストではありません。", "The file is not UTF-8 text."), []);
            }
        }

        LearningResult result;
        try
        {
            var cases = CaseFileParser.Parse(text, name);
            if (!cases.Any(c => c.IsClosed))
            {
                return Problem(context, language, T(ja, "終了したケースがありません。", "There is no closed case in the file."), []);
            }

            result = BayesianLearner.Learn(served.KnowledgeBase, cases);
        }
        catch (CaseFormatException e)
        {
            return Problem(context, language, T(ja, "ケースのファイルを読めませんでした。何も保存していません:", "The file of cases could not be read. Nothing was saved:"), e.Problems);
        }

        var row = new LearnedOverlayRow
        {
            Status = LearnedOverlayStatus.Pending,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = context.User.Identity?.Name ?? "",
            KnowledgeVersion = served.KnowledgeBase.Version,
            SourceName = name,
            Cases = result.Overlay.Summary.Cases,
            Overlay = OverlayJson.Write(result.Overlay),
        };
        await InOneTransactionAsync(db, time, async (audit, ct) =>
        {
            db.ChangeTracker.Clear();
            row.Id = 0; // a retried attempt inserts afresh
            db.Overlays.Add(row);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(row.CreatedBy, "learning-propose", Detail: Detail(row.Id, row.Cases)), ct);
        }, context.RequestAborted);
        return Results.Redirect($"{Path}/{row.Id.ToString(CultureInfo.InvariantCulture)}", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, long id, LearningContext db, ServedKnowledge served)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        if (await db.Overlays.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, context.RequestAborted) is not { } row)
        {
            return ErrorPage.Show(context, StatusCodes.Status404NotFound, T(ja, "この学習結果はありません。", "There is no such learned overlay."), language);
        }

        var kb = served.KnowledgeBase;
        var overlay = OverlayJson.Read(row.Overlay);
        var previews = OverlayPreview.Of(kb, overlay);
        var body = new Html();
        var number = "#" + row.Id.ToString(CultureInfo.InvariantCulture);
        body.Raw($"<h1>{T(ja, "学習結果", "Learned overlay")} {number}</h1>");
        body.Raw($"<p>{Html.E(When(context, row.CreatedAt))} {Html.E(row.CreatedBy)} · {Html.E(row.SourceName)} · {T(ja, "ケース", "cases")} {Html.N(row.Cases)}")
            .Raw($" ({T(ja, "うち技術担当が原因を確認", "with a cause confirmed by a technician")} {Html.N(overlay.Summary.ConfirmedCases)}) · {Html.E(StatusName(row.Status, ja))}</p>");
        if (overlay.Summary.NotFixed > 0)
        {
            var confirmation = string.Format(CultureInfo.InvariantCulture, ConfirmationAdvice.NotFixed.Get(language), overlay.Summary.NotFixed, overlay.Summary.NotFixedConfirmed);
            body.El("p", confirmation, "id=\"not-fixed\"");
            if (overlay.Summary.ConfirmationAdvised)
            {
                body.El("p", ConfirmationAdvice.ConfirmAdvice.Get(language), "id=\"confirm-advice\" class=\"notice\"");
            }
        }

        body.Raw(InUse(context, served, ja));
        var sameKb = row.KnowledgeVersion == kb.Version;
        if (row.Status == LearnedOverlayStatus.Pending)
        {
            body.Raw(sameKb
                ? $"""<form method="post" action="{Path}/{row.Id.ToString(CultureInfo.InvariantCulture)}/approve">{Layout.Antiforgery(context)}<button type="submit">{T(ja, "承認して診断に使う", "Approve and use it in diagnoses")}</button></form>"""
                : $"<p><strong>{T(ja, "この学習結果は別の版のナレッジベースから作られました。承認できません。ケースからもう一度学習してください。", "This overlay was learned on another version of the knowledge base and cannot be approved. Learn again from the cases.")}</strong></p>");
        }

        var changes = previews.Count(p => p.FirstStepChanges);
        body.Raw($"<h2>{T(ja, "変わること", "What changes")}</h2><p>{T(ja, $"症状 {previews.Count} 件の確率が変わり、そのうち {changes} 件で最初の手順が変わります。手順・リスク・費用・安全の確認は学習では変わりません。", $"Probabilities change for {previews.Count} symptoms; for {changes} of them the first step changes. Steps, risks, costs and safety checks are never learned.")}</p>");
        foreach (var p in previews.OrderByDescending(p => p.FirstStepChanges).ThenByDescending(p => p.Cases).ThenBy(p => p.SymptomId, StringComparer.Ordinal))
        {
            body.Raw(SymptomSection(kb, p, language));
        }

        return Layout.Page(context, language, $"{T(ja, "学習結果", "Learned overlay")} {number}", body);
    }

    private static async Task<IResult> ApproveAsync(HttpContext context, long id, IAntiforgery antiforgery, LearningContext db, ServedKnowledge served, TimeProvider time)
    {
        var language = PageLanguage.Of(context);
        var ja = language == Language.Ja;
        if (await Forms.ReadAsync(context, antiforgery, language) is null)
        {
            return Forms.Rejected(context, language);
        }

        if (await db.Overlays.FirstOrDefaultAsync(o => o.Id == id, context.RequestAborted) is not { } row)
        {
            return ErrorPage.Show(context, StatusCodes.Status404NotFound, T(ja, "この学習結果はありません。", "There is no such learned overlay."), language);
        }

        if (row.Status != LearnedOverlayStatus.Pending || row.KnowledgeVersion != served.KnowledgeBase.Version)
        {
            return ErrorPage.Show(context, StatusCodes.Status409Conflict, T(ja, "この学習結果は承認できません(承認待ちではないか、別の版のナレッジベースから作られています)。", "This overlay cannot be approved (it is not waiting for approval, or it was learned on another version of the knowledge base)."), language);
        }

        // Validate before it reaches any server: an overlay that does not fit the knowledge base is refused.
        var overlay = OverlayJson.Read(row.Overlay);
        if (Core.Learning.OverlayApplier.Check(served.KnowledgeBase, overlay) is { Count: > 0 } problems)
        {
            return Problem(context, language, T(ja, "この学習結果はナレッジベースに合いません:", "This overlay does not fit the knowledge base:"), problems, StatusCodes.Status409Conflict);
        }

        var actor = context.User.Identity?.Name ?? "";
        var now = time.GetUtcNow();
        await InOneTransactionAsync(db, time, async (audit, ct) =>
        {
            await db.Overlays.Where(o => o.Status == LearnedOverlayStatus.Approved && o.Id != id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, LearnedOverlayStatus.Superseded), ct);
            var tracked = await db.Overlays.FirstAsync(o => o.Id == id, ct);
            tracked.Status = LearnedOverlayStatus.Approved;
            tracked.DecidedAt = now;
            tracked.DecidedBy = actor;
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(actor, "learning-approve", Detail: Detail(row.Id, row.Cases)), ct);
        }, context.RequestAborted);
        served.Use(row.Id, overlay);
        return Results.Redirect($"{Path}/{row.Id.ToString(CultureInfo.InvariantCulture)}", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> WithdrawAsync(HttpContext context, IAntiforgery antiforgery, LearningContext db, ServedKnowledge served, TimeProvider time)
    {
        var language = PageLanguage.Of(context);
        if (await Forms.ReadAsync(context, antiforgery, language) is null)
        {
            return Forms.Rejected(context, language);
        }

        var actor = context.User.Identity?.Name ?? "";
        var now = time.GetUtcNow();
        await InOneTransactionAsync(db, time, async (audit, ct) =>
        {
            var approved = await db.Overlays.Where(o => o.Status == LearnedOverlayStatus.Approved).ToListAsync(ct);
            foreach (var row in approved)
            {
                row.Status = LearnedOverlayStatus.Withdrawn;
                row.DecidedAt = now;
                row.DecidedBy = actor;
            }

            await db.SaveChangesAsync(ct);
            foreach (var row in approved)
            {
                await audit.AppendAsync(new AuditEntry(actor, "learning-withdraw", Detail: Detail(row.Id, row.Cases)), ct);
            }
        }, context.RequestAborted);
        served.Use(null, null);
        return Results.Redirect(Path, permanent: false, preserveMethod: false);
    }

    /// <summary>Runs <paramref name="write"/> in one transaction with its audit rows (retried as a whole on a transient
    /// fault): an overlay never changes without its audit row, nor the other way round.</summary>
    private static Task InOneTransactionAsync(LearningContext db, TimeProvider time, Func<AuditLog, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using var helpdesk = await SharedTransaction.JoinAsync(db, HelpdeskStore.On, ct);
            await write(new AuditLog(helpdesk, time), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

    private static string SymptomSection(KnowledgeBase kb, SymptomPreview p, Language language)
    {
        var ja = language == Language.Ja;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<section><h3>{Html.E(kb.Symptoms[p.SymptomId].Title.Get(language))}</h3>");
        if (p.Cases > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{T(ja, "この症状のケース", "Cases of this symptom")}: {Html.N(p.Cases)}</p>");
        }

        sb.Append(p.FirstStepChanges
            ? $"<p><strong>{T(ja, "最初の手順が変わります", "The first step changes")}</strong>: {Html.E(Step(kb, p.FirstStepBefore, language))} → {Html.E(Step(kb, p.FirstStepAfter, language))}</p>"
            : $"<p>{T(ja, "最初の手順は変わりません", "The first step stays")}: {Html.E(Step(kb, p.FirstStepBefore, language))}</p>");
        if (p.PriorMoves.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<table><caption>{T(ja, "原因の起こりやすさ(大きく動いたもの)", "How likely each cause is (biggest moves)")}</caption><thead><tr><th scope=\"col\">{T(ja, "原因", "Cause")}</th><th scope=\"col\">{T(ja, "これまで", "Before")}</th><th scope=\"col\">{T(ja, "学習後", "Learned")}</th><th scope=\"col\">{T(ja, "ケース数", "Cases")}</th></tr></thead><tbody>");
            foreach (var m in p.PriorMoves)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.E(Cause(kb, m.CauseId, language))}</td><td>{Percent(m.Before)}</td><td>{Percent(m.After)}</td><td>{Html.N(m.Cases)}</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (p.FixMoves.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<table><caption>{T(ja, "手順で直る確率(大きく動いたもの)", "How often a step fixes a cause (biggest moves)")}</caption><thead><tr><th scope=\"col\">{T(ja, "手順", "Step")}</th><th scope=\"col\">{T(ja, "原因", "Cause")}</th><th scope=\"col\">{T(ja, "これまで", "Before")}</th><th scope=\"col\">{T(ja, "学習後", "Learned")}</th><th scope=\"col\">{T(ja, "試したケース数", "Cases that tried it")}</th></tr></thead><tbody>");
            foreach (var m in p.FixMoves)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.E(Step(kb, m.StepId, language))}</td><td>{Html.E(Cause(kb, m.CauseId, language))}</td><td>{Percent(m.Before)}</td><td>{Percent(m.After)}</td><td>{Html.N(m.Cases)}</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (p.AnswerRowsMoved > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{T(ja, $"質問の答え方の確率も {p.AnswerRowsMoved} 行変わります。", $"{p.AnswerRowsMoved} rows of how questions are answered also change.")}</p>");
        }

        return sb.Append("</section>").ToString();
    }

    private static string InUse(HttpContext context, ServedKnowledge served, bool ja) => served.ApprovedId is { } id
        ? $"""<p>{T(ja, "診断で使用中", "In use in diagnoses")}: <a href="{Path}/{id.ToString(CultureInfo.InvariantCulture)}">#{id.ToString(CultureInfo.InvariantCulture)}</a></p><form method="post" action="{Path}/withdraw">{Layout.Antiforgery(context)}<button type="submit">{T(ja, "使用をやめてナレッジベースだけに戻す", "Stop using it (knowledge base alone)")}</button></form>"""
        : $"<p>{T(ja, "診断で使用中: 承認された学習結果はありません(ナレッジベースの確率)。", "In use in diagnoses: no approved overlay (the knowledge base's probabilities).")}</p>";

    private static IResult Problem(HttpContext context, Language language, string message, IReadOnlyList<string> problems, int status = StatusCodes.Status400BadRequest)
    {
        var ja = language == Language.Ja;
        var body = new Html().Raw($"<h1>{T(ja, "学習できませんでした", "Could not learn")}</h1><p>{Html.E(message)}</p>");
        if (problems.Count > 0)
        {
            body.Raw("<ul class=\"problems\">");
            foreach (var p in problems.Take(CaseFormatException.MaxListed))
            {
                body.Raw("<li><code>").Text(p).Raw("</code></li>");
            }

            body.Raw("</ul>");
        }

        body.Raw($"<p><a href=\"{Path}\">{T(ja, "戻る", "Back")}</a></p>");
        return Layout.Page(context, language, T(ja, "学習できませんでした", "Could not learn"), body, status);
    }

    private static string Detail(long id, int cases) =>
        JsonSerializer.Serialize(new Dictionary<string, long> { ["overlay"] = id, ["cases"] = cases });

    private static string Step(KnowledgeBase kb, string? id, Language language) =>
        id is null ? (language == Language.Ja ? "(なし)" : "(none)") : kb.StepTitle(id)?.Get(language) ?? id;

    private static string Cause(KnowledgeBase kb, string id, Language language) =>
        kb.Causes.TryGetValue(id, out var c) ? c.Title.Get(language) : id;

    private static string Percent(double p) => Html.E((p * 100).ToString("0.0", CultureInfo.InvariantCulture) + "\u00a0%");

    private static string When(HttpContext context, DateTimeOffset t) => Pages.CasePage.Time(context, t);

    private static string StatusName(string status, bool ja) => status switch
    {
        LearnedOverlayStatus.Pending => T(ja, "承認待ち", "waiting for approval"),
        LearnedOverlayStatus.Approved => T(ja, "承認済み・使用中", "approved, in use"),
        LearnedOverlayStatus.Superseded => T(ja, "新しい承認で置き換え", "replaced by a newer approval"),
        LearnedOverlayStatus.Withdrawn => T(ja, "使用をやめた", "withdrawn"),
        _ => status,
    };

    private static string T(bool ja, string japanese, string english) => ja ? japanese : english;
}
