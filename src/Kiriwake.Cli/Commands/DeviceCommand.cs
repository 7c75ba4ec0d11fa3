using System.CommandLine;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake device [--udid UDID] [--tools DIR] [--timeout S] [--format text|json]`: reads the connected device
/// through the libimobiledevice tools and shows its connection state, facts and what they imply.
/// Exit 0 when a device answered (trusted, or in recovery/DFU mode), 1 otherwise (the state says why).
/// </summary>
internal sealed class DeviceCommand
{
    private readonly CliContext _context;
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");
    private readonly Option<string?> _udid = new("--udid") { Description = "Query this device (idevice_id -l lists them) / 調べるデバイスの UDID" };
    private readonly Option<string?> _tools = new("--tools")
    {
        Description = "Folder holding the libimobiledevice tools, instead of PATH / ツールのあるフォルダー",
        HelpName = "DIR",
    };

    private readonly Option<int> _timeout = new("--timeout")
    {
        Description = "Seconds each tool may take / ツール 1 回あたりの制限時間 (秒)",
        DefaultValueFactory = _ => 15,
    };

    public DeviceCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("device", "Read the connected iPhone/iPad through libimobiledevice / 接続中のデバイスを調べる")
        {
            _format, _udid, _tools, _timeout,
        };
        command.SetAction(ExecuteAsync);
        command.Subcommands.Add(new DeviceRecoveryCommand(_context).Build());
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var json = parseResult.GetValue(_format) == "json";
        var timeout = TimeSpan.FromSeconds(Math.Clamp(parseResult.GetValue(_timeout), 1, 600));
        if (!json)
        {
            _context.ErrorWriter.WriteLine(DeviceUiText.Looking.Get(language));
        }

        var options = new DeviceProbeOptions(parseResult.GetValue(_udid), timeout, timeout);
        var device = await DeviceFactsReader.ReadAsync(knowledge, options, parseResult.GetValue(_tools), _context.Time, cancellationToken);
        var implications = DeviceImplications.For(device);
        if (json)
        {
            CliJson.Write(_context, DeviceJson.From(device, implications, language));
        }
        else
        {
            new DeviceRenderer(_context.Out, language).Render(device, implications);
        }

        return device.State is ConnectionState.Connected or ConnectionState.Recovery or ConnectionState.Dfu
            ? ExitCodes.Success
            : ExitCodes.Failure;
    }
}
