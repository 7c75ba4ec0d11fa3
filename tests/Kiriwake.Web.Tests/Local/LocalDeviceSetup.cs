using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiriwake.Web.Tests.Local;

/// <summary>
/// The web app in local mode over fake libimobiledevice tools: a trusted iPhone SE (2nd generation) and a fake
/// idevicebackup2 that prints the real tool's lines and writes a backup made by the fixture generator. Every log
/// line the app writes is kept (to prove a password never reaches one).
/// </summary>
internal sealed partial class LocalDeviceSetup : IDisposable
{
    public const string Udid = FakeTools.TrustedUdid;

    private readonly TempFolder _temp = new();
    private readonly WebHostFixture _web = new();
    private readonly WebApplicationFactory<Program> _app;

    /// <param name="encryptedWith">The device already encrypts its backups with this password.</param>
    /// <param name="turnsOnEncryptionWith">The device does not encrypt yet; its backups will be encrypted with this
    /// password once "idevicebackup2 encryption on" has run (what that tool read on stdin lands in <see cref="EncryptionRecord"/>).</param>
    public LocalDeviceSetup(FakeBackupTool.Ending ending, string? encryptedWith = null, double stepSeconds = 0.02, TimeSpan? idle = null, string? turnsOnEncryptionWith = null)
    {
        var templates = Path.Combine(_temp.Path, "template");
        Directory.CreateDirectory(templates);
        var password = encryptedWith ?? turnsOnEncryptionWith;
        var template = BackupFixture.Create(templates, new BackupSpec(Files: 30, Encrypted: password is not null, Password: password ?? "kiriwake-test", Date: TimeProvider.System.GetUtcNow()));
        Tools = (encryptedWith is null ? FakeTools.TrustedIphone(backup: "ideviceinfo-backup-unencrypted-xml") : FakeTools.TrustedIphone())
            .AddBackup(Udid, template, ending, stepSeconds);
        EncryptionRecord = Path.Combine(_temp.Path, "encryption-on");
        Directory.CreateDirectory(EncryptionRecord);
        Tools.AddEncryptionOn(Udid, EncryptionRecord);
        var options = _web.Options with
        {
            ToolsDirectory = Tools.Directory,
            BackupLimits = new BackupMakerOptions(IdleTimeout: idle ?? TimeSpan.FromSeconds(30), StopGrace: TimeSpan.FromSeconds(5)),
        };
        _app = _web.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddSingleton(options));
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new KeepingLogger(Logs)));
        });
        Client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public FakeTools Tools { get; }

    /// <summary>Where the fake "encryption on" writes its arguments and what it read on stdin.</summary>
    public string EncryptionRecord { get; }

    public HttpClient Client { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    public string StoreFile => _web.StoreFile;

    public string BackupsDirectory => _web.Options.BackupsDirectory!;

    /// <summary>A 4013 session answered "not fixed" up to the backup gate (its id).</summary>
    public Task<string> SessionAtGateAsync() => SessionAtAsync("backup-verified");

    /// <summary>A 4013 session walked through the API up to the step <paramref name="stepId"/> (its id): questions
    /// answered from <paramref name="answers"/> (else their first answer), actions "not fixed".</summary>
    public async Task<string> SessionAtAsync(string stepId, IReadOnlyDictionary<string, string>? answers = null)
    {
        var response = await Client.StartAsync(new { errorCode = "4013", lang = "ja", family = "iphone-no-home", platform = "windows-itunes" });
        response.EnsureSuccessStatusCode();
        var session = await response.ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        var walked = new List<string>();
        for (var i = 0; i < 60 && session.GetProperty("step") is { ValueKind: JsonValueKind.Object } step && step.GetProperty("id").GetString() != stepId; i++)
        {
            var values = step.Values();
            var current = step.GetProperty("id").GetString()!;
            var answer = answers?.GetValueOrDefault(current) ?? (values.Contains("not-fixed") ? "not-fixed" : values[0]);
            walked.Add($"{current}={answer}");
            var answered = await Client.AnswerAsync(id, current, answer);
            answered.EnsureSuccessStatusCode();
            session = await answered.ReadJsonAsync();
        }

        Assert.True(session.GetProperty("step") is { ValueKind: JsonValueKind.Object } reached && reached.GetProperty("id").GetString() == stepId,
            $"{stepId} not reached; walked: {string.Join(", ", walked)}");
        return id;
    }

    /// <summary>Presses the gate page's "make the backup now" (with the password typed, if any); returns the job page's address.</summary>
    public async Task<string> StartBackupAsync(string id, string? password = null)
    {
        var started = await PostBackupAsync(id, password is null ? [] : new Dictionary<string, string> { ["password"] = password });
        Assert.True((int)started.StatusCode is 302 or 303, await started.Content.ReadAsStringAsync());
        return started.Headers.Location!.OriginalString;
    }

    /// <summary>Posts the gate page's backup form with these fields (and its token).</summary>
    public async Task<HttpResponseMessage> PostBackupAsync(string id, IReadOnlyDictionary<string, string> fields)
    {
        var gate = await Client.GetStringAsync($"/s/{id}");
        Assert.Contains("id=\"device-backup\"", gate, StringComparison.Ordinal);
        foreach (var name in fields.Keys)
        {
            Assert.Contains($"name=\"{name}\"", gate, StringComparison.Ordinal); // the form offers that field
        }

        var form = new Dictionary<string, string>(fields) { ["__af"] = Token(gate) };
        return await Client.PostAsync($"/s/{id}/device/backup", new FormUrlEncodedContent(form));
    }

    /// <summary>Follows the job page (as its Refresh header would) until it shows the result; returns that page.</summary>
    public async Task<string> WaitForResultAsync(string jobPage, Func<string, Task>? whileRunning = null)
    {
        for (var i = 0; i < 600; i++)
        {
            using var response = await Client.GetAsync(jobPage);
            var html = await response.Content.ReadAsStringAsync();
            if (html.Contains("id=\"job-result\"", StringComparison.Ordinal))
            {
                Assert.False(response.Headers.Contains("Refresh"));
                return html;
            }

            Assert.True(response.Headers.Contains("Refresh"), "a running job's page refreshes itself");
            if (whileRunning is not null)
            {
                await whileRunning(html);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the job did not end within a minute");
    }

    public async Task<JsonElement> ReportAsync(string id)
    {
        var response = await Client.GetAsync($"/api/sessions/{id}/report?format=json");
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public async Task<JsonElement> SessionAsync(string id) => await (await Client.GetAsync($"/api/sessions/{id}")).ReadJsonAsync();

    public static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    public void Dispose()
    {
        Client.Dispose();
        _app.Dispose();
        _web.Dispose();
        Tools.Dispose();
        _temp.Dispose();
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed class KeepingLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue(state.ToString() ?? "");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + " " + exception);

        public void Dispose()
        {
        }
    }
}
