using System.Net;
using System.Text.RegularExpressions;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiriwake.Helpdesk.Tests.Cases;

/// <summary>Cases on SQLite through the real pages: hand-over, who may see and do what, consent, closing, export.</summary>
public sealed partial class CaseTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private readonly HelpdeskTestBed _bed;

    public CaseTests()
    {
        _bed = new HelpdeskTestBed("kiriwake-cases-", s =>
        {
            s.AddSingleton<ILoggerProvider>(_logs);
            s.AddSingleton(new CaseOptions { LookupsPerMinute = 400 });
        });
        _bed.Settings["Helpdesk:TimeZone"] = "Asia/Tokyo"; // staff type and read times in their own zone
    }

    private HelpdeskHost Host => _bed.Host;

    private string Store => _bed.Store;

    public Task InitializeAsync() => _bed.StartAsync(("sato", "agent"), ("suzuki", "technician"), ("kimura", "admin"));

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    [Fact]
    public async Task HandOver_PersonSession_ShowsOneUnambiguousCodeInJapaneseAndEnglish()
    {
        var person = Host.Browser();
        var id = await CaseDriver.StartSessionAsync(person, "restore-error-4013");
        Assert.Contains("ヘルプデスクに引き継ぐ", await person.GetStringAsync($"/s/{id}?lang=ja"), StringComparison.Ordinal);

        var code = await CaseDriver.HandOverAsync(person, id);
        var again = await CaseDriver.HandOverAsync(person, id);

        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", code);
        Assert.Equal(code, again);
        var english = await person.GetStringAsync($"/s/{id}/handover?lang=en");
        Assert.Contains("Read this code out to the helpdesk", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("ヘルプデスクの担当者に、この番号を読み上げてください", await person.GetStringAsync($"/s/{id}/handover?lang=ja"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandOver_UnknownSession_Returns404AndMakesNoCase()
    {
        var person = Host.Browser();
        var id = await CaseDriver.StartSessionAsync(person, "restore-error-4013");
        var token = await HelpdeskHost.AntiforgeryTokenAsync(person, $"/s/{id}");

        var response = await person.PostAsync("/s/0123456789abcdef0123456789abcdef/handover", CaseDriver.Form(token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task CasesPagesAndApi_WithoutSignIn_RedirectOr401()
    {
        var person = Host.Browser();
        var id = await CaseDriver.StartSessionAsync(person, "restore-error-4013");
        var code = await CaseDriver.HandOverAsync(person, id);
        var anonymous = Host.Browser();

        foreach (var page in new[] { "/helpdesk/cases", $"/helpdesk/cases/{code}", $"/helpdesk/cases/open?code={code}", $"/helpdesk/cases/{code}/package",
                     $"/helpdesk/cases/{code}/package.md", $"/helpdesk/cases/{code}/package.json", "/helpdesk/analytics" })
        {
            var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, page);
            Assert.StartsWith("http://localhost/helpdesk/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        foreach (var action in new[] { "answer", "undo", "consent", "close", "waiting" })
        {
            var response = await anonymous.PostAsync($"/helpdesk/cases/{code}/{action}", new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, action);
            Assert.StartsWith("http://localhost/helpdesk/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cases/export?format=jsonl")).StatusCode);
    }

    [Fact]
    public async Task PersonSessionId_GivesNoAccessToTheHelpdeskViewOfItsCase()
    {
        var (person, id, code, agent) = await HandedOverAsync("sato");
        var (step, answers) = CaseDriver.Current(await agent.GetStringAsync($"/helpdesk/cases/{code}"));
        Assert.Equal(HttpStatusCode.Redirect, (await CaseDriver.AnswerAsync(agent, code, step, answers[0])).StatusCode);

        // The person's browser, with its session cookie-free id and the code it was shown: every staff address refuses.
        foreach (var page in new[] { $"/helpdesk/cases/{code}", $"/helpdesk/cases/{id}", $"/helpdesk/cases/{code}/package.json", $"/helpdesk/cases/open?code={id}" })
        {
            var response = await person.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, page);
            Assert.StartsWith("http://localhost/helpdesk/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // A session id is not a case code, even for staff.
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/helpdesk/cases/{id}")).StatusCode);

        // The person's own pages show no staff data (who answered, the audit, consents).
        var own = await person.GetStringAsync($"/s/{id}") + await person.GetStringAsync($"/s/{id}/handover") + await person.GetStringAsync($"/api/sessions/{id}");
        Assert.DoesNotContain("sato", own, StringComparison.Ordinal);
        Assert.DoesNotContain("ヘルプデスク担当", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_AnswersOnCase_SameConversationWithActorNameAndAudit()
    {
        var (person, id, code, agent) = await HandedOverAsync("sato");
        var html = await agent.GetStringAsync($"/helpdesk/cases/{code}");
        Assert.Contains("実務で使えるチェックリスト", html, StringComparison.Ordinal); // the helpdesk's checklist on opening
        var (step, answers) = CaseDriver.Current(html);

        var response = await CaseDriver.AnswerAsync(agent, code, step, answers[0]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("ヘルプデスク担当 sato", await agent.GetStringAsync($"/helpdesk/cases/{code}"), StringComparison.Ordinal);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Log\" FROM sessions WHERE \"Id\" = $id";
            command.Parameters.AddWithValue("$id", id);
            var log = SessionLogCodec.Decode((string)(await command.ExecuteScalarAsync())!, "session");
            var answered = log.Events.OfType<SessionEvent>().Last(e => e is StepAnswered or FactRecorded { IsAnswer: true });
            Assert.Equal(EventActor.Agent, answered.Actor);
            Assert.Equal("sato", answered.By);
        }

        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        var audit = await db.AuditEvents.AsNoTracking().Where(a => a.Action == "answer").ToListAsync();
        var row2 = Assert.Single(audit);
        Assert.Equal("sato", row2.Actor);
        Assert.Equal(code.Replace("-", "", StringComparison.Ordinal), row2.CaseCode);
        Assert.Contains(step, row2.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_AuditRowRefusedByTheDatabase_NeitherSessionNorCaseChanges()
    {
        var (person, id, code, agent) = await HandedOverAsync("sato");
        var (step, answers) = CaseDriver.Current(await agent.GetStringAsync($"/helpdesk/cases/{code}"));
        var before = await StoredLogsAsync(id, code);
        await HelpdeskHost.ExecuteSqlAsync(Store, "CREATE TRIGGER refuse_answer_audit BEFORE INSERT ON audit_events WHEN NEW.action = 'answer' BEGIN SELECT RAISE(ABORT, 'audit refused'); END;");

        var refused = await CaseDriver.AnswerAsync(agent, code, step, answers[0]);

        Assert.False(refused.StatusCode == HttpStatusCode.Redirect, "an answer whose audit row failed was accepted");
        Assert.Equal(before, await StoredLogsAsync(id, code)); // one transaction: the person's session and the case as they were

        await HelpdeskHost.ExecuteSqlAsync(Store, "DROP TRIGGER refuse_answer_audit;");
        Assert.Equal(HttpStatusCode.Redirect, (await CaseDriver.AnswerAsync(agent, code, step, answers[0])).StatusCode);
        var after = await StoredLogsAsync(id, code);
        Assert.True(after.SessionEvents > before.SessionEvents);
        Assert.Equal(after.SessionLog, after.CaseLog);
    }

    /// <summary>A person's 4013 session handed over, and a staff member signed in (their browsers, the id, the code).</summary>
    private async Task<(HttpClient Person, string Id, string Code, HttpClient Staff)> HandedOverAsync(string account)
    {
        var person = Host.Browser();
        var id = await CaseDriver.StartSessionAsync(person, "restore-error-4013");
        var code = await CaseDriver.HandOverAsync(person, id);
        var staff = Host.Browser();
        await HelpdeskHost.SignInAsync(staff, account, HelpdeskHost.Password);
        return (person, id, code, staff);
    }

    private async Task<(long SessionEvents, string SessionLog, string CaseLog)> StoredLogsAsync(string sessionId, string code)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.\"EventCount\", s.\"Log\", c.log FROM sessions s, helpdesk_cases c WHERE s.\"Id\" = $id AND c.code = $code";
        command.Parameters.AddWithValue("$id", sessionId);
        command.Parameters.AddWithValue("$code", code.Replace("-", "", StringComparison.Ordinal));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
    }

    [Fact]
    public async Task CaseForms_WithoutAntiforgeryToken_Return400AndRecordNothing()
    {
        var (person, id, code, agent) = await HandedOverAsync("sato");
        var (step, answers) = CaseDriver.Current(await agent.GetStringAsync($"/helpdesk/cases/{code}"));

        foreach (var action in new[] { "answer", "undo", "consent", "close", "waiting" })
        {
            var response = await agent.PostAsync($"/helpdesk/cases/{code}/{action}", new FormUrlEncodedContent(
                [new("step", step), new("answer", answers[0]), new("outcome", "escalated"), new("escalatedTo", "apple")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, action);
        }

        var handover = await person.PostAsync($"/s/{id}/handover", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, handover.StatusCode);
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        Assert.DoesNotContain(await db.AuditEvents.AsNoTracking().Select(a => a.Action).ToListAsync(), a => a is "answer" or "close" or "case-waiting");
    }

    [Fact]
    public async Task OwnerConsent_OnlyATechniciansRecordOpensTheGate_AndItIsAudited()
    {
        var (person, id, code, technician) = await HandedOverAsync("suzuki");
        var agent = Host.Browser();
        await HelpdeskHost.SignInAsync(agent, "sato", HelpdeskHost.Password);

        var html = await CaseDriver.DriveToConsentAsync(technician, code);
        var steps = Regex.Matches(html, "name=\"steps\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(steps);

        // The agent sees the waiting steps but no form, cannot record consent (403) nor answer "yes" for the owner.
        var agentPage = await agent.GetStringAsync($"/helpdesk/cases/{code}");
        Assert.Contains("id=\"consent-technician-only\"", agentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"consent-form\"", agentPage, StringComparison.Ordinal);
        var byAgent = await CaseDriver.PostCaseAsync(agent, code, "consent", ("consentedBy", "山田花子"), ("consentedAt", "2026-12-01T10:00"), ("method", "phone"), ("steps", steps[0]));
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        var (current, offered) = CaseDriver.Current(agentPage);
        if (current == "owner-consent")
        {
            Assert.DoesNotContain("yes", offered);
            Assert.Equal(HttpStatusCode.Forbidden, (await CaseDriver.AnswerAsync(agent, code, current, "yes")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await CaseDriver.AnswerAsync(technician, code, current, "yes")).StatusCode);
        }

        // Incomplete: no name, no method.
        var incomplete = await CaseDriver.PostCaseAsync(technician, code, "consent", ("consentedAt", "2026-12-01T10:00"), ("steps", steps[0]));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("同意した人の名前", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var recorded = await CaseDriver.PostCaseAsync(technician, code, "consent",
            [("consentedBy", "山田花子"), ("consentedAt", "2026-12-01T10:00"), ("method", "signed-form"), .. steps.Select(s => ("steps", s))]);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var after = await technician.GetStringAsync($"/helpdesk/cases/{code}");
        Assert.DoesNotContain("id=\"consent-form\"", after, StringComparison.Ordinal);
        Assert.Contains("山田花子", after, StringComparison.Ordinal);
        Assert.Contains("署名した書面", after, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 10:00 (UTC+09:00)", WebUtility.HtmlDecode(after), StringComparison.Ordinal); // as typed, in the helpdesk's zone
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        var consent = await db.Consents.AsNoTracking().SingleAsync();
        Assert.Equal(("山田花子", "signed-form", "suzuki"), (consent.ConsentedBy, consent.Method, consent.RecordedBy));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), consent.ConsentedAt.ToUniversalTime()); // 10:00 in Tokyo
        var audit = await db.AuditEvents.AsNoTracking().Where(a => a.Action == "consent").ToListAsync();
        Assert.Equal("suzuki", Assert.Single(audit).Actor);

        // The consent is in the conversation as the technician's fact; the gated steps come up and only a technician
        // records their result.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Log\" FROM sessions WHERE \"Id\" = $id";
            command.Parameters.AddWithValue("$id", id);
            var log = SessionLogCodec.Decode((string)(await command.ExecuteScalarAsync())!, "session");
            var fact = log.Events.OfType<FactRecorded>().Single(f => f.Key == Kiriwake.Core.Facts.FactKeys.OwnerConsent);
            Assert.Equal(("true", EventActor.Technician, "suzuki"), (fact.Value, fact.Actor, fact.By));
        }

        for (var i = 0; i < 20; i++)
        {
            var page = await agent.GetStringAsync($"/helpdesk/cases/{code}");
            var (now, offeredNow) = CaseDriver.Current(page);
            if (page.Contains("id=\"technician-only\"", StringComparison.Ordinal))
            {
                Assert.Contains(Regex.Match(page, "id=\"step-title\">([^<]+)<").Groups[1].Value, html, StringComparison.Ordinal);
                var token = await HelpdeskHost.AntiforgeryTokenAsync(agent, $"/helpdesk/cases/{code}");
                var technicianPage = await technician.GetStringAsync($"/helpdesk/cases/{code}");
                Assert.Contains("技術者向け", technicianPage, StringComparison.Ordinal); // the technician's checklist before device work
                Assert.DoesNotContain("技術者向け", page, StringComparison.Ordinal); // the agent keeps the helpdesk's
                var step = Regex.Match(technicianPage, "name=\"step\" value=\"([^\"]+)\"").Groups[1].Value;
                Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/helpdesk/cases/{code}/answer", CaseDriver.Form(token, ("step", step), ("answer", "not-fixed")))).StatusCode);
                return;
            }

            Assert.NotEmpty(offeredNow);
            await CaseDriver.AnswerAsync(technician, code, now, offeredNow.Contains("not-fixed") ? "not-fixed" : offeredNow[0]);
        }

        Assert.Fail("no data-loss step came up after the consent");
    }

    [Fact]
    public async Task Close_AsEscalated_PackageAndExportCarryTheTarget()
    {
        var (person, id, code, technician) = await HandedOverAsync("suzuki");
        var (step, answers) = CaseDriver.Current(await technician.GetStringAsync($"/helpdesk/cases/{code}"));
        await CaseDriver.AnswerAsync(technician, code, step, answers[0]);

        var noTarget = await CaseDriver.PostCaseAsync(technician, code, "close", ("outcome", "escalated"), ("escalatedTo", "nowhere"));
        Assert.Equal(HttpStatusCode.BadRequest, noTarget.StatusCode);
        var asFixed = await CaseDriver.PostCaseAsync(technician, code, "close", ("outcome", "fixed"));
        Assert.Equal(HttpStatusCode.BadRequest, asFixed.StatusCode);
        var closed = await CaseDriver.PostCaseAsync(technician, code, "close", ("outcome", "escalated"), ("escalatedTo", "repair-shop"), ("confirmedCause", "device-hardware-fault"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var markdown = await technician.GetStringAsync($"/helpdesk/cases/{code}/package.md");
        Assert.Contains("実務で使えるチェックリスト", markdown, StringComparison.Ordinal);
        Assert.Contains("- [x] ", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] ", markdown, StringComparison.Ordinal);
        Assert.Contains("技術担当 suzuki", markdown, StringComparison.Ordinal);
        var json = await technician.GetStringAsync($"/helpdesk/cases/{code}/package.json?lang=en");
        Assert.Contains("\"escalatedTo\": \"repair-shop\"", json, StringComparison.Ordinal);
        var export = await technician.GetStringAsync("/api/cases/export?format=jsonl");
        Assert.Contains("\"outcome\":\"escalated\",\"resolvedBy\":\"repair-shop\",\"confirmedCause\":\"device-hardware-fault\"", export, StringComparison.Ordinal);
        var learned = Assert.Single(Kiriwake.Learning.Cases.CaseFileParser.Parse(export, "cases.jsonl"));
        Assert.Equal("device-hardware-fault", learned.ConfirmedCause);

        // Closed: no more answers.
        var page = await technician.GetStringAsync($"/helpdesk/cases/{code}");
        Assert.Contains("id=\"closed\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-answer=", page, StringComparison.Ordinal);
        var token = await HelpdeskHost.AntiforgeryTokenAsync(technician, "/helpdesk");
        Assert.Equal(HttpStatusCode.BadRequest, (await technician.PostAsync($"/helpdesk/cases/{code}/answer", CaseDriver.Form(token, ("step", step), ("answer", answers[0])))).StatusCode);
    }

    [Fact]
    public async Task HandOverAnswerCloseExport_Sqlite_ContractShapeReadByLearning() =>
        await CaseScenarios.HandOverAnswerCloseExportAsync(Host, Store);

    [Fact]
    public async Task PastedText_NeverInLogsOrAudit()
    {
        const string secret = "SECRET-PASTE-7Q3X";
        var person = Host.Browser();
        var id = await CaseDriver.StartSessionFromTextAsync(person, $"iPhoneを復元できませんでした。不明なエラーが発生しました (4013) {secret}");
        var code = await CaseDriver.HandOverAsync(person, id);
        var agent = Host.Browser();
        await HelpdeskHost.SignInAsync(agent, "sato", HelpdeskHost.Password);
        var (step, answers) = CaseDriver.Current(await agent.GetStringAsync($"/helpdesk/cases/{code}"));
        await CaseDriver.AnswerAsync(agent, code, step, answers[0]);
        await CaseDriver.PostCaseAsync(agent, code, "close", ("outcome", "escalated"), ("escalatedTo", "apple"));

        Assert.DoesNotContain(_logs.Messages, m => m.Contains(secret, StringComparison.Ordinal) || m.Contains(HelpdeskHost.Password, StringComparison.Ordinal));
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        Assert.DoesNotContain(await db.AuditEvents.AsNoTracking().Select(a => a.Detail).ToListAsync(), d => d.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_Filters_ShowOpenWaitingAndClosedCases()
    {
        var person = Host.Browser();
        var first = await CaseDriver.HandOverAsync(person, await CaseDriver.StartSessionAsync(person, "restore-error-4013"));
        var second = await CaseDriver.HandOverAsync(person, await CaseDriver.StartSessionAsync(person, "icloud-storage-full"));
        var agent = Host.Browser();
        await HelpdeskHost.SignInAsync(agent, "sato", HelpdeskHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseDriver.PostCaseAsync(agent, second, "waiting", ("waiting", "true"))).StatusCode);

        var open = await agent.GetStringAsync("/helpdesk/cases?status=open");
        var waiting = await agent.GetStringAsync("/helpdesk/cases?status=waiting");

        Assert.Contains(first, open, StringComparison.Ordinal);
        Assert.DoesNotContain(second, open, StringComparison.Ordinal);
        Assert.Contains(second, waiting, StringComparison.Ordinal);
        Assert.Contains("id=\"queue-empty\"", await agent.GetStringAsync("/helpdesk/cases?status=escalated"), StringComparison.Ordinal);
        var opened = await agent.GetAsync($"/helpdesk/cases/open?code={first.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}");
        Assert.Equal($"/helpdesk/cases/{first.Replace("-", "", StringComparison.Ordinal)}", opened.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/helpdesk/cases/open?code=OOOO-IIII")).StatusCode);
    }

    [Fact]
    public async Task CaseLookup_ManyCodesInAMinute_Refused429ForThatAccountOnly()
    {
        var host = await _bed.StartAnotherAsync(_bed.InFolder("limited.db"), s => s.AddSingleton(new CaseOptions { LookupsPerMinute = 5 }), ("sato", "agent"), ("suzuki", "technician"));
        var agent = host.Browser();
        await HelpdeskHost.SignInAsync(agent, "sato", HelpdeskHost.Password);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await agent.GetAsync($"/helpdesk/cases/ABCD{i + 2}XYZ")).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[6]);

        // A colleague in the same office (the same address) keeps working: the limit counts per account.
        var colleague = host.Browser();
        await HelpdeskHost.SignInAsync(colleague, "suzuki", HelpdeskHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync("/helpdesk/cases/ABCD9XYZ")).StatusCode);
    }

    [Theory]
    [InlineData("k7qm-3xdp", "K7QM3XDP")]
    [InlineData(" K7QM 3XDP ", "K7QM3XDP")]
    [InlineData("Ｋ７ＱＭ－３ＸＤＰ", "K7QM3XDP")]
    [InlineData("K0QM-3XDP", null)]
    [InlineData("KIQM-3XDP", null)]
    [InlineData("K7QM-3XD", null)]
    public void Normalize_TypedCode_TakesCaseWidthAndDashesRefusesAmbiguous(string typed, string? expected) =>
        Assert.Equal(expected, CaseCodes.Normalize(typed));

    [Fact]
    public void New_ManyCodes_UseOnlyTheUnambiguousAlphabet()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => CaseCodes.New()).ToArray();

        Assert.All(codes, c => Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", c));
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
    }

    private sealed class LogCollector : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IEnumerable<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new Collector(_messages);

        public void Dispose()
        {
        }

        private sealed class Collector(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                ArgumentNullException.ThrowIfNull(formatter);
                messages.Enqueue(formatter(state, exception) + " " + exception);
            }
        }
    }
}
