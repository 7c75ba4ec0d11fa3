using System.Net;
using System.Text;
using System.Text.Json;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Web.Tests.Support;

namespace Kiriwake.Web.Tests.Local;

/// <summary>Local evidence feeding a running session: the connected device's facts and model, an encrypted backup's password check.</summary>
public sealed class LocalEvidenceIntoSessionTests
{
    [UnixFact]
    public async Task DevicePage_UseInDiagnosis_DeviceFactsRecordedInTheSession()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success);
        var id = await local.SessionAtGateAsync();

        var page = await local.Client.GetStringAsync($"/local/device?session={id}");
        Assert.Contains("id=\"use-device-facts\"", page, StringComparison.Ordinal);
        Assert.Contains("iPhone SE (2nd generation)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("DeviceModelResolution", page, StringComparison.Ordinal);
        var posted = await local.Client.PostAsync("/local/device/use", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = LocalDeviceSetup.Token(page), ["session"] = id }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await local.Client.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("接続中のデバイスの情報を診断に加えました", after, StringComparison.Ordinal);
        var facts = (await local.ReportAsync(id)).GetProperty("facts");
        Assert.Equal("true", facts.GetProperty("device.storage-low").GetString());
        Assert.Equal("iPhone12,8", facts.GetProperty("device.product-type").GetString());
    }

    [UnixFact]
    public async Task SessionPage_ModelQuestion_AnsweredByTheConnectedDevice()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success);
        var started = await local.Client.StartAsync(new { errorCode = "4013", lang = "ja", platform = "windows-itunes" });
        var session = await started.ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        for (var i = 0; i < 40 && session.GetProperty("step") is { ValueKind: JsonValueKind.Object } step && step.GetProperty("id").GetString() != "device"; i++)
        {
            var values = step.Values();
            session = await (await local.Client.AnswerAsync(id, step.GetProperty("id").GetString()!, values.Contains("not-fixed") ? "not-fixed" : values[0])).ReadJsonAsync();
        }

        Assert.Equal("device", session.GetProperty("step").GetProperty("id").GetString());

        var page = await local.Client.GetStringAsync($"/s/{id}");

        Assert.Contains("機種は接続中のデバイスから分かりました", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"device\"", page, StringComparison.Ordinal);
        Assert.Equal("iphone-no-home", (await local.ReportAsync(id)).GetProperty("facts").GetProperty("device.button-family").GetString());
    }

    [UnixTheory]
    [InlineData("hanako-1234", true)]
    [InlineData("taro-0000-wrong", false)]
    public async Task PasswordCheck_FromTheGate_SaysSoFeedsTheSessionAndNeverKeepsThePassword(string typed, bool right)
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success);
        var backup = BackupFixture.Create(local.BackupsDirectory, new BackupSpec(Files: 20, Encrypted: true, Password: "hanako-1234", Date: TimeProvider.System.GetUtcNow().AddHours(-1)));
        var id = await local.SessionAtGateAsync();
        var gate = await local.Client.GetStringAsync($"/s/{id}");
        Assert.Contains($"href=\"/local/backups/password?session={id}\"", gate, StringComparison.Ordinal);

        var form = await local.Client.GetStringAsync($"/local/backups/password?session={id}");
        Assert.Contains("type=\"password\"", form, StringComparison.Ordinal);
        var response = await local.Client.PostAsync("/local/backups/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = LocalDeviceSetup.Token(form),
            ["session"] = id,
            ["backup"] = Path.GetFileName(backup),
            ["password"] = typed,
        }));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(right ? "パスワードは正しく、バックアップは最後まで揃っています" : "このパスワードでは開けません", page, StringComparison.Ordinal);
        Assert.DoesNotContain(typed, page, StringComparison.Ordinal);
        var facts = (await local.ReportAsync(id)).GetProperty("facts");
        Assert.Equal("true", facts.GetProperty("backup.encrypted").GetString());
        Assert.Equal(right, facts.TryGetProperty("backup.verified", out var verified) && verified.GetString() == "true");
        Assert.Equal(right, (await local.SessionAsync(id)).GetProperty("step") is { ValueKind: JsonValueKind.Object } s && s.GetProperty("kind").GetString() != "gate");
        Assert.DoesNotContain(local.Logs, l => l.Contains(typed, StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(local.StoreFile)!, "sessions.db*"))
        {
            Assert.Equal(-1, File.ReadAllBytes(file).AsSpan().IndexOf(Encoding.UTF8.GetBytes(typed)));
        }
    }

    [UnixFact]
    public async Task GatePage_NoDeviceListed_SaysHowToConnectWithoutTheSlowRecoveryLook()
    {
        using var temp = new TempFolder();
        var marker = Path.Combine(temp.Path, "irecovery-ran");
        using var tools = new FakeTools().AddScript("idevice_id", "-l", "exit 0").AddScript("irecovery", "*", $"touch '{marker}'; exit 255");
        using var web = new WebHostFixture();
        using var client = web.WithWebHostBuilder(b => b.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(s, web.Options with { ToolsDirectory = tools.Directory })))
            .CreateClient();
        var session = await (await client.StartAsync(new { errorCode = "4013", lang = "ja", family = "iphone-no-home", platform = "windows-itunes" })).ReadJsonAsync();
        var id = session.GetProperty("id").GetString()!;
        for (var i = 0; i < 40; i++)
        {
            var step = (await (await client.GetAsync($"/api/sessions/{id}")).ReadJsonAsync()).GetProperty("step");
            if (step.GetProperty("kind").GetString() == "gate")
            {
                break;
            }

            var values = step.Values();
            (await client.AnswerAsync(id, step.GetProperty("id").GetString()!, values.Contains("not-fixed") ? "not-fixed" : values[0])).EnsureSuccessStatusCode();
        }

        var gate = await client.GetStringAsync($"/s/{id}");

        Assert.Contains("ケーブルでこのパソコンにつなぐと", gate, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"device-backup\"", gate, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task PasswordCheck_NotLocal_NotFound()
    {
        using var web = new WebHostFixture();
        using var client = web.WithWebHostBuilder(b => b.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(s, web.Options with { LocalEvidence = false }))).CreateClient();

        var response = await client.GetAsync("/local/backups/password");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
