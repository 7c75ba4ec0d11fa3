using System.CommandLine;
using System.Globalization;
using System.Text;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake backups create [--to DIR] [--encrypt] [--tools DIR]`: backs the connected device up with idevicebackup2
/// (progress bar, Ctrl+C stops the tool cleanly), verifies the result, exit 0 only when it is complete. A password
/// is read from a hidden prompt or standard input, never from the command line.
/// </summary>
internal sealed class BackupsCreateCommand
{
    private readonly CliContext _context;
    private readonly Option<string?> _to = new("--to") { Description = "Folder to back up into (default: Kiriwake's own backup folder) / 保存先フォルダー", HelpName = "DIR" };
    private readonly Option<bool> _encrypt = new("--encrypt") { Description = "Make an encrypted backup (asks for the password) / 暗号化バックアップを作る" };
    private readonly Option<bool> _full = new("--full") { Description = "Ask the device for a full backup, not an incremental one / 完全バックアップ" };
    private readonly Option<string?> _udid = new("--udid") { Description = "Back up this device (idevice_id -l lists them) / デバイスの UDID" };
    private readonly Option<string?> _tools = new("--tools") { Description = "Folder holding the libimobiledevice tools, instead of PATH / ツールのあるフォルダー", HelpName = "DIR" };
    private readonly Option<int> _idle = new("--idle-timeout")
    {
        Description = "Seconds without any progress before the backup counts as stuck / 進まないとみなすまでの秒数",
        DefaultValueFactory = _ => 600,
    };

    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public BackupsCreateCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("create", "Back up the connected device with idevicebackup2, then verify it / 接続中のデバイスをバックアップして検証")
        {
            _to, _encrypt, _full, _udid, _tools, _idle, _format,
        };
        command.SetAction(ExecuteAsync);
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var json = parseResult.GetValue(_format) == "json";
        var idle = TimeSpan.FromSeconds(Math.Clamp(parseResult.GetValue(_idle), 1, 24 * 3600));
        var destination = parseResult.GetValue(_to) ?? DeviceActions.DefaultBackupFolder();
        var maker = new BackupMaker(new ToolRunner(parseResult.GetValue(_tools), _context.Time), knowledge, _context.Time, new BackupMakerOptions(idle));

        _context.ErrorWriter.WriteLine(DeviceUiText.Looking.Get(language));
        var device = await maker.LookAsync(parseResult.GetValue(_udid), cancellationToken);
        byte[]? password = null;
        try
        {
            if (device.State == ConnectionState.Connected)
            {
                Say($"{T(DeviceActionUiText.Device, language)}: {Markup.Escape(DeviceActions.Label(device).Get(language))}");
                Say($"{T(DeviceActionUiText.Destination, language)}: {Markup.Escape(Path.GetFullPath(destination))}");
                if (parseResult.GetValue(_encrypt) || device.Backup.WillEncrypt == true)
                {
                    password = device.Backup.WillEncrypt == true ? ReadExisting(language) : ReadNew(language);
                }
            }

            var request = new BackupMakeRequest(destination, parseResult.GetValue(_udid), parseResult.GetValue(_encrypt), password, parseResult.GetValue(_full));
            var result = await RunAsync(maker, request, device, language, cancellationToken);
            var logFile = result.Status is BackupMakeStatus.Complete ? null : SaveLog(result, destination);
            if (json)
            {
                CliJson.Write(_context, BackupsCreateView.Json(result, language, logFile));
            }
            else
            {
                BackupsCreateView.Text(_context.Out, knowledge, result, language, logFile);
            }

            return ExitCode(result.Status);
        }
        finally
        {
            if (password is not null)
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(password);
            }
        }
    }

    private async Task<BackupMakeResult> RunAsync(BackupMaker maker, BackupMakeRequest request, DeviceFacts device, Language language, CancellationToken cancellationToken)
    {
        if (device.State != ConnectionState.Connected)
        {
            return await maker.MakeAsync(request, device, null, cancellationToken);
        }

        if (device.Disk.TotalDataCapacity is { } capacity && device.Disk.FreeBytes is { } deviceFree && BackupsVerifyCommand.FreeBytes(Path.GetDirectoryName(Path.GetFullPath(request.Destination)) ?? request.Destination) is { } free
            && free < capacity - deviceFree)
        {
            Say($"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DeviceActionUiText.SpaceShort.Get(language), BackupsFormat.Bytes(free), BackupsFormat.Bytes(capacity - deviceFree)))}[/]");
        }

        Say($"[dim]{T(DeviceActionUiText.CtrlC, language)}[/]");
        return await DeviceActionProgressView.RunAsync(_context, language,
            progress => maker.MakeAsync(request, device, new Relay(progress), cancellationToken),
            result => DeviceActionText.Backup(result.Status));
    }

    /// <summary>The maker's progress in the words every device action shows.</summary>
    private sealed class Relay(IProgress<Core.Actions.DeviceActionProgress> to) : IProgress<BackupMakeProgress>
    {
        public void Report(BackupMakeProgress value) => to.Report(DeviceActions.ToActionProgress(value));
    }

    private byte[]? ReadExisting(Language language)
    {
        Say(T(DeviceActionUiText.ExistingPassword, language));
        return BackupsPassword.Read(_context, language);
    }

    /// <summary>A new password: typed twice at a prompt; one line of standard input in scripts.</summary>
    private byte[]? ReadNew(Language language)
    {
        Say($"[dim]{T(DeviceActionUiText.TurnOnNote, language)}[/]");
        if (!ReferenceEquals(_context.Input, Console.In) || Console.IsInputRedirected || !_context.Error.Profile.Capabilities.Interactive)
        {
            return BackupsPassword.Read(_context, language);
        }

        while (true)
        {
            var first = _context.Error.Prompt(new TextPrompt<string>(DeviceActionUiText.NewPassword.Get(language)).Secret().AllowEmpty());
            if (first.Length == 0)
            {
                return null;
            }

            var again = _context.Error.Prompt(new TextPrompt<string>(DeviceActionUiText.NewPasswordAgain.Get(language)).Secret().AllowEmpty());
            if (first == again)
            {
                return Encoding.UTF8.GetBytes(first);
            }

            Say($"[red]{T(DeviceActionUiText.PasswordsDiffer, language)}[/]");
        }
    }

    /// <summary>The tool's output beside the backups (never inside one), for `kiriwake diagnose --log`.</summary>
    private string? SaveLog(BackupMakeResult result, string destination)
    {
        if (result.Output is not { } output || output.AllText.Length == 0)
        {
            return null;
        }

        try
        {
            var stamp = _context.Time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var path = Path.Combine(Path.GetFullPath(destination), $"idevicebackup2-{stamp}.log");
            File.WriteAllText(path, "$ " + output.CommandLine + "\n" + output.AllText);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static int ExitCode(BackupMakeStatus status) => status switch
    {
        BackupMakeStatus.Complete => ExitCodes.Success,
        BackupMakeStatus.Failed => ExitCodes.BackupInterrupted,
        BackupMakeStatus.Cancelled => ExitCodes.Cancelled,
        BackupMakeStatus.TimedOut => ExitCodes.TimedOut,
        BackupMakeStatus.DeviceNotReady => ExitCodes.DeviceNotReady,
        BackupMakeStatus.ToolMissing => ExitCodes.ToolMissing,
        BackupMakeStatus.DestinationUnusable or BackupMakeStatus.EncryptionFailed => ExitCodes.ActionFailed,
        BackupMakeStatus.PasswordNeeded => ExitCodes.PasswordNeeded,
        BackupMakeStatus.PasswordUnsupported => ExitCodes.BadInput,
        BackupMakeStatus.PasswordMismatch => ExitCodes.WrongPassword,
        _ => ExitCodes.Failure,
    };

    private void Say(string markup) => _context.Error.MarkupLine(markup);

    private static string T(LocalizedText text, Language language) => Markup.Escape(text.Get(language));
}
