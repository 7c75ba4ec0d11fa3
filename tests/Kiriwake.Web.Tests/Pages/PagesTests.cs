using System.Net;
using System.Text;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Store;
using Kiriwake.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kiriwake.Web.Tests.Pages;

public sealed class PagesTests : IDisposable
{
    private readonly WebHostFixture _web = new();
    private readonly HttpClient _client;

    public PagesTests()
    {
        _client = _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja-JP,ja;q=0.9");
    }

    public void Dispose()
    {
        _client.Dispose();
        _web.Dispose();
    }

    [Fact]
    public async Task Home_JapaneseBrowser_IsJapaneseWithASwitchToEnglish()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?lang=en\"", html, StringComparison.Ordinal);
        Assert.Contains("前回のバックアップが完了しませんでした", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_LangEn_IsEnglishAndRemembered()
    {
        var first = await _client.GetStringAsync("/?lang=en");
        var next = await _client.GetStringAsync("/kb/faq");

        Assert.Contains("<html lang=\"en\">", first, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", next, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/kb/codes")]
    [InlineData("/kb/procedures")]
    [InlineData("/kb/procedures?family=iphone-7")]
    [InlineData("/kb/checklists")]
    [InlineData("/kb/checklists/ten-minute-check")]
    [InlineData("/kb/faq?q=4013")]
    [InlineData("/kb/flow")]
    [InlineData("/local/backups")]
    public async Task Page_Any_HasSecurityHeadersAndNoInlineScript(string path)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.DoesNotContain(" on", string.Concat(html.Split('<').Select(t => t.Split('>')[0])).Replace(" only", "", StringComparison.Ordinal)
            .Split(' ').Where(a => a.StartsWith("onclick", StringComparison.Ordinal) || a.StartsWith("onload", StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Flow_Page_ServesMermaidFromTheAppAndTheFlowAsText()
    {
        var html = await _client.GetStringAsync("/kb/flow");
        var mermaid = await _client.GetAsync("/vendor/mermaid.min.js");

        Assert.Contains("<script src=\"/vendor/mermaid.min.js\" defer>", html, StringComparison.Ordinal);
        Assert.Contains("flowchart", html, StringComparison.Ordinal);
        Assert.Contains("class=\"flow-text\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mermaid.StatusCode);
        Assert.True(mermaid.Content.Headers.ContentLength > 1_000_000);
    }

    [Fact]
    public async Task Start_WithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        using var form = new MultipartFormDataContent { { new StringContent("4013"), "code" } };

        var response = await _client.PostAsync("/start", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Start_WithToken_RedirectsToTheSessionPage()
    {
        using var form = new MultipartFormDataContent { { new StringContent(await _client.TokenAsync()), "__af" }, { new StringContent("4013"), "code" } };

        var response = await _client.PostAsync("/start", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/s/[0-9a-f]{32}$", response.Headers.Location!.OriginalString);
        var page = await _client.GetStringAsync(response.Headers.Location);
        Assert.Contains("name=\"answer\"", page, StringComparison.Ordinal);
        Assert.Contains("あとで続ける", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MarkupInPastedText_IsEscapedNeverExecuted()
    {
        const string Pasted = "<script>alert('x')</script><img src=x onerror=alert(1)> [red]boom[/] {{7*7}}";
        using var form = new MultipartFormDataContent { { new StringContent(await _client.TokenAsync()), "__af" }, { new StringContent(Pasted), "text" } };

        var response = await _client.PostAsync("/start", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("[red]boom[/]", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Start_BinaryUpload_Returns415AndStoresNothing()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        using var file = new ByteArrayContent(bytes);
        using var form = new MultipartFormDataContent { { new StringContent(await _client.TokenAsync()), "__af" }, { file, "log", "photo.heic" } };

        var response = await _client.PostAsync("/start", form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("テキストのログ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Start_TextLogUpload_StartsFromWhatTheLogSays()
    {
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes("2026-12-01 10:00:00 AMRestorePerformer: error 4013 restoring device\n"));
        using var form = new MultipartFormDataContent { { new StringContent(await _client.TokenAsync()), "__af" }, { file, "log", "itunes.log" } };

        var response = await _client.PostAsync("/start", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Answer_StepThatIsNotCurrent_ShowsTheCurrentStepAndStoresNothing()
    {
        using var form = new MultipartFormDataContent { { new StringContent(await _client.TokenAsync()), "__af" }, { new StringContent("4013"), "code" } };
        var location = (await _client.PostAsync("/start", form)).Headers.Location!.OriginalString;
        var token = await _client.TokenAsync(location);
        var before = await LogAsync(location[3..]);

        var response = await _client.PostAsync(location + "/answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = token, ["step"] = "no-such-step", ["answer"] = "yes",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("?notice=stale", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await LogAsync(location[3..]));
    }

    [Fact]
    public async Task Session_Unknown_Returns404Page()
    {
        var response = await _client.GetAsync("/s/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_Expired_IsGoneAndPurged()
    {
        using var web = new WebHostFixture();
        using var client = web.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(web.Options with { SessionLifetime = TimeSpan.Zero }))).CreateClient();
        var created = await (await client.StartAsync(new { errorCode = "4013" })).ReadJsonAsync();

        var response = await client.GetAsync($"/api/sessions/{created.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = web.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SessionStore>();
        await store.PurgeExpiredAsync(CancellationToken.None);
        Assert.Equal(0, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Create_OverTheRateLimit_Returns429()
    {
        using var web = new WebHostFixture();
        using var client = web.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(web.Options with { SessionsPerMinute = 3 }))).CreateClient();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await client.StartAsync(new { errorCode = "4013" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, (HttpStatusCode)429], codes);
    }

    [Fact]
    public async Task Upload_100MegabytesToARealServer_Returns413AndStoresNothing()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var content = new StreamContent(new ZeroStream(100L * 1024 * 1024));
        content.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };
        content.Headers.ContentLength = 100L * 1024 * 1024;

        HttpResponseMessage? response = null;
        try
        {
            response = await client.PostAsync("/start", content);
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the client is still sending; then no session can exist either.
        }

        if (response is not null)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SessionStore>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public void LoopbackOnly_Urls_DecideLocalMode()
    {
        Assert.True(KiriwakeWebApp.IsLoopbackOnly("http://127.0.0.1:5080"));
        Assert.True(KiriwakeWebApp.IsLoopbackOnly("http://localhost:1;http://[::1]:2"));
        Assert.False(KiriwakeWebApp.IsLoopbackOnly("http://0.0.0.0:8080"));
        Assert.False(KiriwakeWebApp.IsLoopbackOnly("http://*:8080"));
        Assert.False(KiriwakeWebApp.IsLoopbackOnly("http://127.0.0.1:1;http://192.168.1.2:2"));
    }

    [Fact]
    public async Task LocalPages_ServerMode_AreNotServed()
    {
        using var web = new WebHostFixture();
        using var client = web.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(web.Options with { LocalEvidence = false }))).CreateClient();

        var response = await client.GetAsync("/local/backups");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/local/backups", await (await client.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = _web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionStore>().CountAsync(CancellationToken.None);
    }

    private async Task<string> LogAsync(string id)
    {
        await using var scope = _web.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SessionStore>().LoadAsync(id, CancellationToken.None))?.Log ?? "";
    }

    /// <summary>A stream of zero bytes of a given length, never held in memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
