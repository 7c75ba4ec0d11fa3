using System.CommandLine;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake device recovery enter|leave [--yes] [--tools DIR]`: puts the connected device into recovery mode
/// (ideviceenterrecovery) or restarts a device in recovery mode normally (irecovery -n), after asking the person
/// unless --yes. DFU mode stays a button procedure. Exit 0 when the switch was seen to happen.
/// </summary>
internal sealed class DeviceRecoveryCommand
{
    private readonly CliContext _context;

    public DeviceRecoveryCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("recovery", "Enter or leave recovery mode (DFU stays a button procedure) / リカバリモードに入る・抜ける");
        command.Subcommands.Add(Sub("enter", "Put the connected device into recovery mode / リカバリモードにする", enter: true));
        command.Subcommands.Add(Sub("leave", "Restart a device in recovery mode normally / リカバリモードから通常起動に戻す", enter: false));
        return command;
    }

    private Command Sub(string name, string description, bool enter)
    {
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation / 確認せずに実行" };
        var udid = new Option<string?>("--udid") { Description = "This device (idevice_id -l lists them) / デバイスの UDID" };
        var tools = new Option<string?>("--tools") { Description = "Folder holding the libimobiledevice tools, instead of PATH / ツールのあるフォルダー", HelpName = "DIR" };
        var format = CommonOptions.CreateFormat("text", "json");
        var command = new Command(name, description) { yes, tools, format };
        if (enter)
        {
            command.Options.Add(udid);
        }

        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult, enter, parseResult.GetValue(yes), enter ? parseResult.GetValue(udid) : null,
            parseResult.GetValue(tools), parseResult.GetValue(format) == "json", cancellationToken));
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, bool enter, bool yes, string? udid, string? tools, bool json, CancellationToken cancellationToken)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var sw = new RecoveryModeSwitch(new ToolRunner(tools, _context.Time), knowledge, _context.Time);
        _context.ErrorWriter.WriteLine(DeviceUiText.Looking.Get(language));

        RecoverySwitchResult result;
        if (enter)
        {
            var device = await sw.LookAsync(udid, cancellationToken);
            if (device.State == ConnectionState.Connected && !Confirm(DeviceActionText.EnterConsent, DeviceActions.Label(device), yes, language, out var exit))
            {
                return exit;
            }

            result = await sw.EnterAsync(device, udid, cancellationToken);
        }
        else
        {
            var device = await sw.LookAsync(null, cancellationToken);
            if (device.State == ConnectionState.Recovery && !Confirm(DeviceActionText.LeaveConsent, DeviceActions.Label(device), yes, language, out var exit))
            {
                return exit;
            }

            result = await sw.LeaveAsync(cancellationToken);
        }

        if (json)
        {
            CliJson.Write(_context, new
            {
                action = enter ? "enter" : "leave",
                status = result.Status,
                succeeded = DeviceActionText.Succeeded(result.Status),
                summary = DeviceActionText.Recovery(result.Status).Get(language),
                state = result.Device.State.FactValue(),
                commandLine = result.Output?.CommandLine,
                evidence = result.Evidence,
                facts = result.Facts.Select(f => new { key = f.Key, value = f.Value, detail = f.Detail }),
            });
        }
        else
        {
            Render(result, enter, language);
        }

        return ExitCode(result.Status);
    }

    private void Render(RecoverySwitchResult result, bool enter, Language language)
    {
        var ok = DeviceActionText.Succeeded(result.Status);
        _context.Out.MarkupLine($"[bold {(ok ? "green" : "red")}]{T(DeviceActionText.Recovery(result.Status), language)}[/]");
        if (result.Status == RecoverySwitchStatus.DeviceNotReady)
        {
            _context.Out.MarkupLine(T(ConnectionStateText.Title(result.Device.State), language));
            foreach (var step in ConnectionStateText.Fix(result.Device.State))
            {
                _context.Out.MarkupLine($"  • {T(step, language)}");
            }
        }
        else if (result.Status == RecoverySwitchStatus.ToolMissing)
        {
            foreach (var step in ToolInstallHelp.Steps)
            {
                _context.Out.MarkupLine($"  • {T(step, language)}");
            }
        }

        if (result.Evidence is { } evidence && !ok)
        {
            _context.Out.MarkupLine($"  [dim]> {Markup.Escape(evidence)}[/]");
        }

        if (enter || result.Status == RecoverySwitchStatus.InDfu)
        {
            _context.Out.MarkupLine($"[dim]{T(DeviceActionUiText.DfuNote, language)}[/]");
        }
    }

    /// <summary>Asks yes/no on stderr; a closed input declines (scripts must pass --yes).</summary>
    private bool Confirm(LocalizedText template, LocalizedText device, bool yes, Language language, out int exit)
    {
        exit = ExitCodes.Success;
        if (yes)
        {
            return true;
        }

        var question = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Get(language), device.Get(language));
        _context.Error.MarkupLine($"[bold]{Markup.Escape(question)}[/]");
        while (true)
        {
            _context.Error.Markup(T(DeviceActionUiText.ConfirmPrompt, language));
            var line = _context.Input.ReadLine();
            if (line is null)
            {
                _context.Error.MarkupLine($"[yellow]{T(DeviceActionUiText.NeedsYes, language)}[/]");
                exit = ExitCodes.Declined;
                return false;
            }

            switch (DeviceStepOffer.ParseYesNo(line))
            {
                case true:
                    return true;
                case false:
                    _context.Error.MarkupLine(T(DeviceActionUiText.Declined, language));
                    exit = ExitCodes.Declined;
                    return false;
            }
        }
    }

    internal static int ExitCode(RecoverySwitchStatus status) => status switch
    {
        RecoverySwitchStatus.Entered or RecoverySwitchStatus.Left or RecoverySwitchStatus.AlreadyInRecovery => ExitCodes.Success,
        RecoverySwitchStatus.DeviceNotReady or RecoverySwitchStatus.NotInRecovery or RecoverySwitchStatus.InDfu => ExitCodes.DeviceNotReady,
        RecoverySwitchStatus.ToolMissing => ExitCodes.ToolMissing,
        _ => ExitCodes.ActionFailed,
    };

    private static string T(LocalizedText text, Language language) => Markup.Escape(text.Get(language));
}
