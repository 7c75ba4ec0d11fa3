using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Gathering;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake diagnose`: one step at a time to a fix or an escalation. Interactive on stdin/stderr, or scripted
/// with --answers FILE or --simulate CAUSE; sessions are saved after every answer (--save FILE, else the state
/// folder) and continued with --resume; --sessions lists them; the report goes to stdout as text, Markdown or JSON.
/// </summary>
internal sealed class DiagnoseCommand
{
    private readonly CliContext _context;
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "markdown", "json");
    private readonly Option<string?> _symptom = new("--symptom") { Description = "Symptom id / 症状 ID", HelpName = "ID" };
    private readonly Option<string?> _error = new("--error") { Description = "Error code, e.g. 4013 or backup:105 / エラーコード (例: 4013、backup:105)", HelpName = "CODE" };
    private readonly Option<string?> _text = new("--text") { Description = "A pasted error message / 画面に出たメッセージ (貼り付けた文字)", HelpName = "TEXT" };
    private readonly Option<string?> _log = new("--log") { Description = "A log or saved tool output to start from (- for stdin) / 始めに読むログやツールの出力のファイル (- で標準入力)", HelpName = "FILE" };
    private readonly Option<bool> _device = new("--device") { Description = "Read facts from the connected device (libimobiledevice) / 接続中の端末から事実を読む" };
    private readonly Option<string?> _tools = new("--tools") { Description = "Folder holding the libimobiledevice tools, instead of PATH / libimobiledevice のツールがあるフォルダー (PATH の代わり)", HelpName = "DIR" };
    private readonly Option<string?> _backup = new("--backup") { Description = "A computer backup folder to verify: its verdict answers the backup questions / 確認するパソコンのバックアップのフォルダー (結果がバックアップの質問に答えます)", HelpName = "DIR" };
    private readonly Option<FileInfo?> _answers = new("--answers") { Description = "Scripted answers: YAML/JSON step id → answer / 回答を書いたファイル (YAML/JSON: ステップ ID → 回答)", HelpName = "FILE" };
    private readonly Option<string?> _simulate = new("--simulate") { Description = "Answer as if CAUSE were the fault (evaluation) / 原因を仮定して自動回答", HelpName = "CAUSE" };
    private readonly Option<string?> _save = new("--save") { Description = "Save the session after every answer / 回答のたびにセッションを保存するファイル", HelpName = "FILE" };
    private readonly Option<string?> _resume = new("--resume") { Description = "Resume a saved session (without FILE: the latest unfinished one) / 保存したセッションを再開 (FILE なし: 最後の未完了のもの)", HelpName = "FILE", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _sessions = new("--sessions") { Description = "List the saved sessions / 保存された診断の一覧" };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Technician view: ids, probabilities, expected costs / 技術者向けの表示: ID、確率、期待コスト" };
    private readonly Option<string?> _platform = new("--platform") { Description = "ios, windows-itunes, windows-apple-devices or macos-finder / 使っている環境" };
    private readonly Option<string?> _family = new("--family") { Description = "iphone-home, iphone-7, iphone-no-home, ipad-home or ipad-no-home / ボタンの種類" };
    private readonly Option<string[]> _facts = new("--fact") { Description = "A known fact KEY=VALUE, e.g. backup.verified=true / 分かっている事実 KEY=VALUE (例: backup.verified=true)", HelpName = "KEY=VALUE", AllowMultipleArgumentsPerToken = false };

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
            _symptom, _error, _text, _log, _device, _tools, _backup, _answers, _simulate, _save, _resume, _sessions, _verbose, _platform, _family, _facts, _format,
        };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var language = _context.GetLanguage(parseResult);
        var models = _context.LoadModels(parseResult);
        if (parseResult.GetValue(_sessions))
        {
            return new DiagnoseSessions(_context, models, language).List(parseResult.GetValue(_format) == "json");
        }

        string? resumePath = null;
        if (parseResult.GetResult(_resume) is not null)
        {
            resumePath = parseResult.GetValue(_resume) is { } given ? Path.GetFullPath(given)
                : new DiagnoseSessions(_context, models, language).LatestUnfinished();
            if (resumePath is null)
            {
                _context.Error.MarkupLine($"[yellow]{Markup.Escape(DiagnoseText.NoUnfinished.Get(language))}[/]");
                return ExitCodes.NotFound;
            }
        }

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

        var evidence = await new EvidenceGatherer(models.Knowledge, _context.Time).GatherAsync(
            new EvidenceRequest(text, origin, parseResult.GetValue(_device), parseResult.GetValue(_tools), parseResult.GetValue(_backup)),
            new SynchronousProgress(p => ShowProgress(p, language)), cancellationToken);
        if (evidence.Device is { } device && !EvidenceGatherer.DeviceReadable(device))
        {
            WrappedMarkup.WriteLine(_context.Error, $"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.DeviceNotRead.Get(language), ConnectionStateText.Title(device.State).Get(language)))}[/]");
        }

        if (evidence.Backup is { } report)
        {
            Grey(string.Format(CultureInfo.InvariantCulture, DiagnoseText.BackupFactsRead.Get(language), BackupsFormat.Verdict(report, language)));
        }

        try
        {
            var run = new DiagnoseRun(_context, models, language)
            {
                Format = parseResult.GetValue(_format)!,
                SymptomId = parseResult.GetValue(_symptom),
                ErrorCode = parseResult.GetValue(_error),
                TextStart = evidence.TextStart,
                TextOrigin = text is null ? null : origin,
                EvidenceFacts = evidence.Facts,
                Answers = parseResult.GetValue(_answers) is { } answers ? AnswersFile.Load(answers.FullName) : null,
                SimulateCause = parseResult.GetValue(_simulate),
                SavePath = parseResult.GetValue(_save),
                ResumePath = resumePath,
                Platform = KebabNames.ParsePlatform(parseResult.GetValue(_platform)) ?? (parseResult.GetValue(_platform) == "ios" ? Platform.Ios : null),
                Family = parseResult.GetValue(_family),
                Facts = ParseFacts(parseResult.GetValue(_facts) ?? []),
                Verbose = parseResult.GetValue(_verbose),
                // With --device, steps the tool can do on the connected device (a verified backup, recovery mode) are offered.
                DeviceActions = parseResult.GetValue(_device)
                    ? new Evidence.DeviceTools.DeviceActions(new Evidence.DeviceTools.ToolRunner(parseResult.GetValue(_tools), _context.Time), models.Knowledge, _context.Time,
                        _context.DeviceBackupFolder ?? Evidence.DeviceTools.DeviceActions.DefaultBackupFolder())
                    : null,
            };
            return await run.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or SessionException or TroubleshootingModelException or FormatException)
        {
            return CliErrors.Report(_context, ex);
        }
    }

    private static KeyValuePair<string, string>[] ParseFacts(string[] facts) => facts.Select(fact =>
    {
        var parts = fact.Split('=', 2);
        return parts.Length == 2 && parts[0].Trim().Length > 0
            ? new KeyValuePair<string, string>(parts[0].Trim(), parts[1].Trim())
            : throw new FormatException($"--fact takes KEY=VALUE, not '{fact}'");
    }).ToArray();

    private void ShowProgress(EvidenceProgress progress, Language language)
    {
        switch (progress.Stage)
        {
            case EvidenceStage.DeviceRead:
                Grey(string.Format(CultureInfo.InvariantCulture, DiagnoseText.DeviceFactsRead.Get(language), progress.FactCount));
                break;
            case EvidenceStage.CheckingBackup:
                Grey(DiagnoseText.CheckingBackup.Get(language));
                break;
            default:
                break;
        }
    }

    private void Grey(string text) => WrappedMarkup.WriteLine(_context.Error, $"[grey]{Markup.Escape(text)}[/]");

    /// <summary>Reports progress on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<EvidenceProgress> report) : IProgress<EvidenceProgress>
    {
        public void Report(EvidenceProgress value) => report(value);
    }
}
