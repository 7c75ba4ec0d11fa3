using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kiriwake.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake serve`: the diagnosis in a browser. Listens on 127.0.0.1 unless told otherwise (then the local
/// evidence pages — backups, device — are on, and the browser is opened); with --urls on other addresses it is a
/// server for a helpdesk, where evidence comes only from what is pasted or uploaded.
/// </summary>
internal sealed class ServeCommand
{
    private readonly CliContext _context;
    private readonly Option<int?> _port = new("--port") { Description = "Port on 127.0.0.1 (default 5080) / ポート番号" };
    private readonly Option<string?> _urls = new("--urls") { Description = "Addresses to listen on, e.g. http://0.0.0.0:8080 (a server: no local evidence pages) / 待ち受けるアドレス" };
    private readonly Option<string?> _store = new("--store") { Description = "Session store: a SQLite file, or a PostgreSQL URL or connection string (default: KIRIWAKE_STORE, else a SQLite file in your data folder) / 保存先" };
    private readonly Option<bool> _noBrowser = new("--no-browser") { Description = "Do not open the browser / ブラウザを開かない" };
    private readonly Option<double?> _expireDays = new("--expire-days") { Description = "Days a session is kept after its last answer (default 7) / 診断を保存する日数" };
    private readonly Option<int?> _perMinute = new("--sessions-per-minute") { Description = "New sessions allowed per client address per minute (default 30) / 1分あたりの新しい診断の上限" };
    private readonly Option<string?> _backups = new("--backups") { Description = "Folder holding the computer backups (default: the usual places) / バックアップのフォルダー" };
    private readonly Option<string?> _tools = new("--tools") { Description = "Folder of the libimobiledevice tools (default: PATH) / ツールのフォルダー" };

    public ServeCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("serve", "Serve the diagnosis in a browser / ブラウザで診断する")
        {
            _port, _urls, _store, _noBrowser, _expireDays, _perMinute, _backups, _tools,
        };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var language = _context.GetLanguage(parseResult);
        var port = parseResult.GetValue(_port);
        if (port is < 1 or > 65535)
        {
            _context.Error.MarkupLine($"[red]--port must be 1–65535[/]");
            return ExitCodes.Usage;
        }

        // The knowledge base and any --learned overlay are checked before the server starts: a broken folder or
        // overlay is reported with every problem's file and line, not at the first request.
        _ = _context.LoadKnowledge(parseResult);
        var urls = parseResult.GetValue(_urls) ?? $"http://127.0.0.1:{(port ?? 5080).ToString(CultureInfo.InvariantCulture)}";
        var local = KiriwakeWebApp.IsLoopbackOnly(urls);
        var options = new KiriwakeWebOptions
        {
            Store = parseResult.GetValue(_store) ?? Environment.GetEnvironmentVariable("KIRIWAKE_STORE"),
            KnowledgeDirectory = _context.GetKnowledgeDirectory(parseResult),
            LearnedDirectory = parseResult.GetValue(_context.LearnedOption),
            SessionLifetime = TimeSpan.FromDays(parseResult.GetValue(_expireDays) ?? 7),
            SessionsPerMinute = parseResult.GetValue(_perMinute) ?? 30,
            LocalEvidence = local,
            BackupsDirectory = parseResult.GetValue(_backups),
            ToolsDirectory = parseResult.GetValue(_tools),
        };
        // On this computer only (a person at home): the terminal shows the line below and warnings, not the framework's
        // start-up log in English. A server keeps the usual log; either can be changed with Logging__LogLevel__Default.
        var app = await KiriwakeWebApp.BuildAsync(["--urls", urls], options, configure: local ? QuietLog : null);
        await app.StartAsync(cancellationToken);
        var first = urls.Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        _context.Error.MarkupLine(Markup.Escape(language == Core.Knowledge.Language.Ja
            ? $"切り分けを {first} で開いています(保存先: {options.Connection().Describe()})。終えるには Ctrl+C を押してください。"
            : $"Kiriwake is serving {first} (store: {options.Connection().Describe()}). Press Ctrl+C to stop."));
        if (local && !parseResult.GetValue(_noBrowser))
        {
            OpenBrowser(first);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static void QuietLog(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The keys that protect the anti-forgery cookies are kept unencrypted in the person's own data folder.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }

    private static void OpenBrowser(string url)
    {
        try
        {
            var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
                : OperatingSystem.IsMacOS() ? new ProcessStartInfo("open", url)
                : new ProcessStartInfo("xdg-open", url);
            start.RedirectStandardError = !OperatingSystem.IsWindows();
            start.RedirectStandardOutput = !OperatingSystem.IsWindows();
            using var process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            // No browser to open (a server, a container): the address printed above is enough.
        }
    }
}
