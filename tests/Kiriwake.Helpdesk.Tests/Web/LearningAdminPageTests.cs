using System.Net;
using System.Text;
using System.Text.Json;
using Kiriwake.Core.Conversation;
using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Knowledge;
using Kiriwake.Learning;
using Kiriwake.Tests;
using Kiriwake.Web.Helpdesk.Learning;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Helpdesk.Tests.Web;

/// <summary>The admin's learning page: who may open it, what a proposal shows, and that only an approved overlay is used — by every server.</summary>
public sealed class LearningAdminPageTests : IAsyncLifetime
{
    private const string Page = "/helpdesk/admin/learning";
    private readonly HelpdeskTestBed _bed = new("kiriwake-learning-web-");

    private HelpdeskHost Host => _bed.Host;

    private string Store => _bed.Store;

    public Task InitializeAsync() => _bed.StartAsync(("sato", "agent"), ("kimura", "admin"));

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    [Fact]
    public async Task Get_LearningPageWithoutSignIn_RedirectsToSignIn()
    {
        var response = await Host.Browser().GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/helpdesk/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_LearningPageAndApprove_Returns403()
    {
        var client = Host.Browser();
        await HelpdeskHost.SignInAsync(client, "sato", HelpdeskHost.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Page + "/1/approve", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Page, new MultipartFormDataContent())).StatusCode);
    }

    [Fact]
    public async Task Admin_UploadsGarbage_SeesFileAndLineAndNothingIsStored()
    {
        var admin = await AdminAsync();
        var lines = "{\"symptom\":\"nope\",\"transcript\":[]}\n{\"symptom\": \"x\", \"transcript\": [\n";

        var response = await UploadAsync(admin, lines, "broken.jsonl");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("broken.jsonl:2: not valid JSON", html, StringComparison.Ordinal);
        Assert.Empty(await OverlaysAsync());
    }

    [Fact]
    public async Task Admin_UploadWithoutAntiforgeryToken_IsRejected()
    {
        var admin = await AdminAsync();
        using var form = new MultipartFormDataContent { { new StringContent(Cases(out _, out _)), "cases", "cases.jsonl" } };

        var response = await admin.PostAsync(Page, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await OverlaysAsync());
    }

    [Fact]
    public async Task Admin_ProposesThenApproves_PreviewShownOnlyApprovedIsUsedByEveryServerAndAudited()
    {
        var admin = await AdminAsync();
        var lines = Cases(out var symptomId, out var actionId);
        var kb = KnowledgeLoader.Load(RepoPaths.Knowledge);
        var before = Fix(Host.Services, symptomId, actionId);

        // Propose: the preview (Japanese by default) names the symptom and the step in words, not ids, and nothing is used yet.
        var proposed = await UploadAsync(admin, lines, "export.jsonl");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var preview = proposed.Headers.Location!.ToString();
        var html = await admin.GetStringAsync(preview);
        Assert.Contains(WebUtility.HtmlEncode(kb.Symptoms[symptomId].Title.Ja), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(kb.Actions[actionId].Title.Ja), html, StringComparison.Ordinal);
        Assert.Contains("最初の手順が変わります", html, StringComparison.Ordinal);
        Assert.Contains("自分では直らなかったケース 60 件のうち、原因が確認されたもの 0 件。", html, StringComparison.Ordinal); // all 60 escalated, none confirmed
        Assert.Contains("id=\"confirm-advice\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(actionId, html, StringComparison.Ordinal);
        Assert.Equal(before, Fix(Host.Services, symptomId, actionId));

        // Approve without the form's token: refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(preview + "/approve", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(before, Fix(Host.Services, symptomId, actionId));

        var token = await HelpdeskHost.AntiforgeryTokenAsync(admin, preview);
        var approved = await admin.PostAsync(preview + "/approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var learned = Fix(Host.Services, symptomId, actionId);
        Assert.True(learned < before - 0.05, $"P(fix) {before} → {learned}"); // 60 failures of the first step: clearly lower (0.85 → 0.75)
        var row = Assert.Single(await OverlaysAsync());
        Assert.Equal(LearnedOverlayStatus.Approved, row.Status);
        Assert.Equal("kimura", row.DecidedBy);
        await using (var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store)))
        {
            var audit = await db.AuditEvents.AsNoTracking().OrderBy(a => a.Seq).ToListAsync();
            Assert.Contains(audit, a => a.Action == "learning-propose" && a.Actor == "kimura");
            Assert.Contains(audit, a => a.Action == "learning-approve" && a.Actor == "kimura" && a.Detail.Contains($"\"overlay\":{row.Id}", StringComparison.Ordinal));
        }

        // A second server on the same database diagnoses with the approved overlay too.
        var second = await _bed.StartAnotherAsync();
        Assert.Equal(learned, Fix(second.Services, symptomId, actionId));
    }

    [Fact]
    public async Task Approve_AuditRowRefusedByTheDatabase_OverlayStaysPendingAndUnused()
    {
        var admin = await AdminAsync();
        var lines = Cases(out var symptomId, out var actionId);
        var before = Fix(Host.Services, symptomId, actionId);
        var preview = (await UploadAsync(admin, lines, "export.jsonl")).Headers.Location!.ToString();
        var token = await HelpdeskHost.AntiforgeryTokenAsync(admin, preview);
        await HelpdeskHost.ExecuteSqlAsync(Store, "CREATE TRIGGER refuse_approval_audit BEFORE INSERT ON audit_events WHEN NEW.action = 'learning-approve' BEGIN SELECT RAISE(ABORT, 'audit refused'); END;");

        var refused = await admin.PostAsync(preview + "/approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));

        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(LearnedOverlayStatus.Pending, Assert.Single(await OverlaysAsync()).Status); // one transaction with its audit row
        Assert.Equal(before, Fix(Host.Services, symptomId, actionId));
        var second = await _bed.StartAnotherAsync();
        Assert.Equal(before, Fix(second.Services, symptomId, actionId));
    }

    [Fact]
    public async Task Admin_Withdraws_ServersGoBackToTheKnowledgeBase()
    {
        var admin = await AdminAsync();
        var lines = Cases(out var symptomId, out var actionId);
        var before = Fix(Host.Services, symptomId, actionId);
        var preview = (await UploadAsync(admin, lines, "export.jsonl")).Headers.Location!.ToString();
        var token = await HelpdeskHost.AntiforgeryTokenAsync(admin, preview);
        await admin.PostAsync(preview + "/approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));
        Assert.NotEqual(before, Fix(Host.Services, symptomId, actionId));

        token = await HelpdeskHost.AntiforgeryTokenAsync(admin, Page);
        var response = await admin.PostAsync(Page + "/withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, Fix(Host.Services, symptomId, actionId));
        Assert.Equal(LearnedOverlayStatus.Withdrawn, Assert.Single(await OverlaysAsync()).Status);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = Host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await HelpdeskHost.SignInAsync(admin, "kimura", HelpdeskHost.Password)).StatusCode);
        return admin;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, string fileName)
    {
        var token = await HelpdeskHost.AntiforgeryTokenAsync(client, Page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__af" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "cases", fileName },
        };
        return await client.PostAsync(Page, form);
    }

    private async Task<List<LearnedOverlayRow>> OverlaysAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearningContext>().Overlays.AsNoTracking().ToListAsync();
    }

    /// <summary>P(fix | the symptom's likeliest cause) of the action, as the server's diagnosis sees it now.</summary>
    private static double Fix(IServiceProvider services, string symptomId, string actionId)
    {
        using var scope = services.CreateScope();
        var kb = scope.ServiceProvider.GetRequiredService<KnowledgeModels>().Knowledge;
        var action = kb.Actions[actionId];
        var causes = kb.Symptoms[symptomId].Prior.Select(p => p.CauseId).ToHashSet(StringComparer.Ordinal);
        return action.Fixes.Where(f => causes.Contains(f.CauseId)).Sum(f => f.P);
    }

    /// <summary>
    /// 60 closed cases in the helpdesk's export shape (HELPERS.md) of a symptom whose first step is an action: the
    /// action never fixed it and the case was escalated. Learning lowers its P(fix), which changes the first step.
    /// </summary>
    private static string Cases(out string symptomId, out string actionId)
    {
        var kb = KnowledgeLoader.Load(RepoPaths.Knowledge);
        (symptomId, actionId) = kb.Content.Symptoms
            .Select(s => (s.Id, First: FirstSteps.Of(kb, s.Id)))
            .Where(x => x.First is not null && kb.Actions.ContainsKey(x.First) && !kb.Actions[x.First].Fixes.All(f => f.P >= 0.99))
            .Select(x => (x.Id, x.First!))
            .First();
        var sb = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            var report = new Dictionary<string, object?>
            {
                ["symptom"] = symptomId,
                ["outcome"] = "escalated",
                ["resolvedBy"] = null,
                ["transcript"] = new[] { new Dictionary<string, object?> { ["id"] = actionId, ["kind"] = "action", ["answer"] = "not-fixed", ["source"] = "person" } },
            };
            sb.AppendLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["caseCode"] = $"K-{i:0000}",
                ["closedAt"] = "2026-12-01T10:00:00Z",
                ["outcome"] = "escalated",
                ["resolvedBy"] = null,
                ["confirmedCause"] = null,
                ["report"] = report,
            }));
        }

        return sb.ToString();
    }
}
