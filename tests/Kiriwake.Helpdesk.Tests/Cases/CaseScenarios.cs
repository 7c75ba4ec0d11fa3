using System.Net;
using System.Text.Json;
using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Learning.Cases;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Helpdesk.Tests.Cases;

/// <summary>Case flows run the same way on SQLite and on PostgreSQL.</summary>
internal static class CaseScenarios
{
    /// <summary>
    /// A person hands over; an agent answers; the person's own fix is answered by the agent; the case is closed as
    /// fixed with every acceptance criterion ticked; the export (API and CLI) holds it in the contract's shape and
    /// the learning reader reads it.
    /// </summary>
    public static async Task HandOverAnswerCloseExportAsync(HelpdeskHost host, string store)
    {
        await HelpdeskHost.AddUserAsync(store, "tanaka", "agent");
        await HelpdeskHost.AddUserAsync(store, "ito", "technician");
        var person = host.Browser();
        var id = await CaseDriver.StartSessionAsync(person, "restore-error-4013");
        var code = await CaseDriver.HandOverAsync(person, id);
        var agent = host.Browser();
        await HelpdeskHost.SignInAsync(agent, "tanaka", HelpdeskHost.Password);

        // Answer until the first action step, then "fixed".
        string html;
        for (var i = 0; ; i++)
        {
            Assert.True(i < 30, "no action step reached");
            html = await agent.GetStringAsync($"/helpdesk/cases/{code}");
            var (step, answers) = CaseDriver.Current(html);
            var answer = answers.Contains("fixed") ? "fixed" : answers[0];
            Assert.Equal(HttpStatusCode.Redirect, (await CaseDriver.AnswerAsync(agent, code, step, answer)).StatusCode);
            if (answer == "fixed")
            {
                break;
            }
        }

        html = await agent.GetStringAsync($"/helpdesk/cases/{code}");
        Assert.Contains("ヘルプデスク担当 tanaka", html, StringComparison.Ordinal);
        var criteria = System.Text.RegularExpressions.Regex.Matches(html, "name=\"acceptance\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(criteria);

        // Not every criterion ticked: refused, nothing closed.
        var refused = await CaseDriver.PostCaseAsync(agent, code, "close", ("outcome", "fixed"), ("acceptance", criteria[0]));
        if (criteria.Length > 1)
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("受け入れ基準", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        if (criteria.Length > 1)
        {
            var closed = await CaseDriver.PostCaseAsync(agent, code, "close",
                [("outcome", "fixed"), ("confirmedCause", "cable-faulty"), .. criteria.Select(c => ("acceptance", c))]);
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        // The export: technicians may, agents may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/cases/export?format=jsonl")).StatusCode);
        var technician = host.Browser();
        await HelpdeskHost.SignInAsync(technician, "ito", HelpdeskHost.Password);
        var export = await technician.GetAsync("/api/cases/export?format=jsonl");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var text = await export.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var record = Assert.Single(lines);
        using (var doc = JsonDocument.Parse(record))
        {
            var root = doc.RootElement;
            Assert.Equal(["caseCode", "closedAt", "outcome", "resolvedBy", "confirmedCause", "report"], root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(code, root.GetProperty("caseCode").GetString());
            Assert.Equal("fixed", root.GetProperty("outcome").GetString());
            Assert.True(DateTimeOffset.TryParse(root.GetProperty("closedAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            var report = root.GetProperty("report");
            Assert.Equal("restore-error-4013", report.GetProperty("symptom").GetString());
            Assert.Equal("fixed", report.GetProperty("outcome").GetString());
            Assert.Equal(root.GetProperty("resolvedBy").GetString(), report.GetProperty("resolvedBy").GetString());
            Assert.Contains(report.GetProperty("transcript").EnumerateArray(), t => t.GetProperty("actor").GetString() == "agent");
        }

        // The learning side reads it.
        var cases = CaseFileParser.Parse(text, "cases.jsonl");
        var learned = Assert.Single(cases);
        Assert.Equal("restore-error-4013", learned.SymptomId);
        Assert.Equal("fixed", learned.Outcome);
        Assert.Equal(criteria.Length > 1 ? "cable-faulty" : null, learned.ConfirmedCause);

        // The CLI writes the same lines.
        var file = Path.Combine(Path.GetTempPath(), "kiriwake-export-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var cli = await Kiriwake.Cli.Tests.CliRunner.RunWithInputAsync("", "cases", "export", "--store", store, "--out", file, "--lang", "en");
            Assert.True(cli.ExitCode == 0, cli.Error);
            Assert.Equal(text, await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }

        // Audited: the hand-over, each answer, the closing, both exports.
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(store, store));
        var audit = await db.AuditEvents.AsNoTracking().Where(a => a.CaseCode == code.Replace("-", "", StringComparison.Ordinal) || a.Action == "export").ToListAsync();
        Assert.Contains(audit, a => a.Action == "case-opened" && a.Actor == "person");
        Assert.Contains(audit, a => a.Action == "answer" && a.Actor == "tanaka");
        Assert.Contains(audit, a => a.Action == "close" && a.Actor == "tanaka");
        Assert.Contains(audit, a => a.Action == "export" && a.Actor == "ito");
        Assert.Contains(audit, a => a.Action == "export" && a.Actor == "cli");
    }
}
