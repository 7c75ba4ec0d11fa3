using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Logs;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake diagnose`: one step at a time to a fix or an escalation. Interactive on stdin/stderr, or scripted
/// with --answers FILE or --simulate CAUSE; --save/--resume keep the session's event log; the report goes to
/// stdout as text, Markdown or JSON.
/// </summary>
internal sealed class DiagnoseCommand
{
    private readonly CliContext _context;
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "markdown", "json");
    private readonly Option<string?> _symptom = new("--symptom") { Description = "Symptom id / 症状 ID", HelpName = "ID" };
    private readonly Option<string?> _error = new("--error") { Description = "Error code, e.g. 4013 or backup:105 / エラーコード", HelpName = "CODE" };
    private readonly Option<string?> _text = new("--text") { Description = "A pasted error message / 表示されたメッセージ", HelpName = "TEXT" };
    private readonly Option<string?> _log = new("--log") { Description = "A log or saved tool output to start from (- for stdin) / ログファイル", HelpName = "FILE" };
    private readonly Option<bool> _device = new("--device") { Description = "Read facts from the connected device (libimobiledevice) / 接続中の端末から事実を読む" };
    private readonly Option<string?> _tools = new("--tools") { Description = "Folder holding the libimobiledevice tools, instead of PATH / ツールのあるフォルダー", HelpName = "DIR" };
    private readonly Option<string?> _backup = new("--backup") { Description = "A computer backup folder to verify: its verdict answers the backup questions / 確認するバックアップのフォルダー", HelpName = "DIR" };
    private readonly Option<FileInfo?> _answers = new("--answers") { Description = "Scripted answers: YAML/JSON step id → answer / 回答ファイル", HelpName = "FILE" };
    private readonly Option<string?> _simulate = new("--simulate") { Description = "Answer as if CAUSE were the fault (evaluation) / 原因を仮定して自動回答", HelpName = "CAUSE" };
    private readonly Option<string?> _save = new("--save") { Description = "Save the session after every answer / セッションを保存", HelpName = "FILE" };
    private readonly Option<FileInfo?> _resume = new("--resume") { Description = "Resume a saved session / 保存したセッションを再開", HelpName = "FILE" };
    private readonly Option<string?> _platform = new("--platform") { Description = "ios, windows-itunes, windows-apple-devices or macos-finder / 使っている環境" };
    private readonly Option<string?> _family = new("--family") { Description = "iphone-home, iphone-7, iphone-no-home, ipad-home or ipad-no-home / ボタンの種類" };
    private readonly Option<string[]> _facts = new("--fact") { Description = "A known fact KEY=VALUE, e.g. backup.verified=true / 既知の事実", HelpName = "KEY=VALUE", AllowMultipleArgumentsPerToken = false };

    public DiagnoseCommand(CliContext context)
    {
        _context = context;
        _platform.AcceptOnlyFromAmong("ios", "windows-itunes", "windows-apple-devices", "macos-finder");
        _family.AcceptOnlyFromAmong("iphone-home", "iphone-7", "iphone-no-home", "ipad-home", "ipad-no-home");
    }

    public Command Build()
    {
        var command = new Command("diagnose", "Find the fix step by step / 一歩ずつ原因を切り分けて解決")
        {
            _symptom, _error, _text, _log, _device, _tools, _backup, _answers, _simulate, _save, _resume, _platform, _family, _facts, _format,
        };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var language = _context.GetLanguage(parseResult);
        var evidence = new List<Fact>();
        DiagnosisStart? textStart = null;
        var text = parseResult.GetValue(_text);
        var log = parseResult.GetValue(_log);
        var origin = log is null ? "--text" : log == "-" ? "stdin" : Path.GetFileName(log);
        if (log is not null)
        {
            text = await TextInput.ReadAsync(log, _context.Input, cancellationToken);
            if (text is null)
            {
                _context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.LogTooLarge.Get(language), TextInput.MaxMegabytes))}[/]");
                return ExitCodes.BadInput;
            }
        }

        if (text is not null)
        {
            textStart = LogDiagnosis.FromText(text, _context.LoadKnowledge(parseResult), origin);
            evidence.AddRange(textStart.Facts);
        }

        if (parseResult.GetValue(_device))
        {
            var device = await DeviceFactsReader.ReadAsync(_context.LoadKnowledge(parseResult), null, parseResult.GetValue(_tools), _context.Time, cancellationToken);
            _context.Error.MarkupLine($"[grey]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.DeviceFactsRead.Get(language), device.Facts.Count))}[/]");
            evidence.AddRange(device.Facts);
        }

        if (parseResult.GetValue(_backup) is { } backup)
        {
            // "Verified" means every file was checked, so this is the deep check. Without the password an encrypted
            // backup is checked as far as it can be (files present, sizes).
            _context.Error.MarkupLine($"[grey]{Markup.Escape(DiagnoseText.CheckingBackup.Get(language))}[/]");
            var report = await new BackupVerifier(_context.Time).VerifyAsync(backup, new VerifyOptions(Deep: true), cancellationToken);
            var facts = BackupFacts.From(report, _context.Time, BackupsVerifyCommand.FreeBytes(backup));
            _context.Error.MarkupLine($"[grey]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.BackupFactsRead.Get(language), BackupsFormat.Verdict(report, language), facts.Count))}[/]");
            evidence.AddRange(facts);
        }

        var run = new DiagnoseRun(_context, parseResult, language)
        {
            Format = parseResult.GetValue(_format)!,
            SymptomId = parseResult.GetValue(_symptom),
            ErrorCode = parseResult.GetValue(_error),
            TextStart = textStart,
            TextOrigin = text is null ? null : origin,
            EvidenceFacts = evidence,
            AnswersPath = parseResult.GetValue(_answers)?.FullName,
            SimulateCause = parseResult.GetValue(_simulate),
            SavePath = parseResult.GetValue(_save),
            ResumePath = parseResult.GetValue(_resume)?.FullName,
            Platform = parseResult.GetValue(_platform),
            Family = parseResult.GetValue(_family),
            Facts = parseResult.GetValue(_facts) ?? [],
        };

        try
        {
            return run.Run();
        }
        catch (Exception ex) when (ex is InvalidDataException or SessionException or TroubleshootingModelException or FormatException)
        {
            return CliErrors.Report(_context, ex);
        }
    }
}
