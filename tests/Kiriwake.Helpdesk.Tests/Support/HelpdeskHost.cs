using System.Net;
using System.Text.RegularExpressions;
using Kiriwake.Cli.Tests;
using Kiriwake.Tests;
using Kiriwake.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Helpdesk.Tests.Support;

/// <summary>
/// One `kiriwake serve` in memory over a given store (two hosts over one store are two servers sharing a database).
/// The entry point type is any type of the web assembly (the CLI's Program would be ambiguous here).
/// </summary>
public sealed partial class HelpdeskHost(string store, Action<IServiceCollection>? services = null) : WebApplicationFactory<KiriwakeWebOptions>
{
    public const string Password = "correct horse battery";

    /// <summary>Configuration of this server (as appsettings or the environment would give it), e.g. OpenID Connect.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s => s.AddSingleton(new KiriwakeWebOptions
        {
            Store = store,
            KnowledgeDirectory = RepoPaths.Knowledge,
            LocalEvidence = false,
            SessionsPerMinute = 1000,
            WarmEngines = false, // EngineWarmerTests warm; other tests need not pay for it
        }).AddSingleton(new Kiriwake.Web.Pages.LocalMode(false))); // server mode: a helpdesk, whatever address the test host reports
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Adds an account through the real CLI (password on standard input).</summary>
    public static async Task AddUserAsync(string store, string name, string role)
    {
        var result = await CliRunner.RunWithInputAsync(Password + "\n", "users", "add", name, "--role", role, "--store", store, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    /// <summary>Signs in through the sign-in page's form, antiforgery token included.</summary>
    /// <summary>Raw SQL on the host's SQLite store, beside the app (a trigger that makes a write fail, say).</summary>
    public static async Task ExecuteSqlAsync(string store, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await AntiforgeryTokenAsync(client, "/helpdesk/sign-in");
        return await client.PostAsync("/helpdesk/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = token,
            ["name"] = name,
            ["password"] = password,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(page);
        var match = TokenField().Match(html);
        Assert.True(match.Success, "no antiforgery field on " + page);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
