using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kiriwake.Helpdesk.Tests.Support;

/// <summary>Drives cases through the real pages: a person's session and hand-over, staff reading and posting case forms.</summary>
public static partial class CaseDriver
{
    /// <summary>Starts a session as the person (the JSON API) and returns its id.</summary>
    public static async Task<string> StartSessionAsync(HttpClient person, string symptom, string lang = "ja")
    {
        ArgumentNullException.ThrowIfNull(person);
        var created = await person.PostAsJsonAsync("/api/sessions", new { symptom, lang });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<string> StartSessionFromTextAsync(HttpClient person, string text)
    {
        ArgumentNullException.ThrowIfNull(person);
        var created = await person.PostAsJsonAsync("/api/sessions", new { text, lang = "ja" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Presses "Show a case code" on the person's step page and reads the code ("K7QM-3XDP") off the next page.</summary>
    public static async Task<string> HandOverAsync(HttpClient person, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(person);
        var token = await HelpdeskHost.AntiforgeryTokenAsync(person, $"/s/{sessionId}");
        var posted = await person.PostAsync($"/s/{sessionId}/handover", Form(token));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await person.GetStringAsync($"/s/{sessionId}/handover");
        var match = CodeOnPage().Match(page);
        Assert.True(match.Success, "no case code on the hand-over page");
        return match.Groups[1].Value;
    }

    /// <summary>The current step's id and the answers the case page offers.</summary>
    public static (string Step, IReadOnlyList<string> Answers) Current(string html)
    {
        var step = StepField().Match(html);
        return (step.Success ? WebUtility.HtmlDecode(step.Groups[1].Value) : "",
            AnswerButton().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray());
    }

    /// <summary>Posts a case form with the antiforgery token of the case page (read by the same client).</summary>
    public static async Task<HttpResponseMessage> PostCaseAsync(HttpClient staff, string code, string action, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var token = await HelpdeskHost.AntiforgeryTokenAsync(staff, $"/helpdesk/cases/{code}");
        return await staff.PostAsync($"/helpdesk/cases/{code}/{action}", Form(token, fields));
    }

    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient staff, string code, string step, string answer) =>
        await PostCaseAsync(staff, code, "answer", ("step", step), ("answer", answer));

    public static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new KeyValuePair<string, string>("__af", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>Answers the case as the given staff member until the page shows the consent form (technician) or
    /// the owner-consent notice: the device is someone else's, the backup is verified, and no step fixes it.</summary>
    public static async Task<string> DriveToConsentAsync(HttpClient technician, string code)
    {
        ArgumentNullException.ThrowIfNull(technician);
        for (var i = 0; i < 60; i++)
        {
            var html = await technician.GetStringAsync($"/helpdesk/cases/{code}");
            if (html.Contains("id=\"consent-form\"", StringComparison.Ordinal))
            {
                return html;
            }

            var (step, answers) = Current(html);
            Assert.True(answers.Count > 0, "the case page offers no answer and no consent form");
            var answer = Pick(step, answers);
            var response = await AnswerAsync(technician, code, step, answer);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"answer {step}={answer}: {(int)response.StatusCode}");
        }

        throw new InvalidOperationException("no consent form after 60 answers");
    }

    private static string Pick(string step, IReadOnlyList<string> answers) => step switch
    {
        "q-device-owner" => "someone-else",
        _ when answers.Contains("backup-verified") => "backup-verified",
        _ when answers.Contains("not-fixed") => "not-fixed",
        _ when answers.Contains("no") && step.Contains("managed", StringComparison.Ordinal) => "no",
        _ => answers[0],
    };

    [GeneratedRegex("id=\"case-code\"[^>]*>([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<")]
    private static partial Regex CodeOnPage();

    [GeneratedRegex("name=\"step\" value=\"([^\"]+)\"")]
    private static partial Regex StepField();

    [GeneratedRegex("data-answer=\"([^\"]+)\"")]
    private static partial Regex AnswerButton();
}
