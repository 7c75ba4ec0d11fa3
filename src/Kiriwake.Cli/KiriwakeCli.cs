using System.CommandLine;
using Kiriwake.Cli.Commands;
using Kiriwake.Cli.Output;
using Spectre.Console;

namespace Kiriwake.Cli;

/// <summary>Builds the `kiriwake` command tree and runs it, mapping failures to exit codes by exception type.</summary>
internal static class KiriwakeCli
{
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("Kiriwake (切り分け): iPhone/iPad backup failures and restore errors, isolated step by step / iPhone・iPad のバックアップの失敗と復元・アップデートのエラーを、一歩ずつ切り分けて解決します。");
        LocalizedHelp.Install(root, context);
        root.Options.Add(context.KnowledgeOption);
        root.Options.Add(context.LanguageOption);
        root.Options.Add(context.LearnedOption);

        // One line per command; each command is a class in Commands/.
        root.Subcommands.Add(new KbCommand(context).Build());
        root.Subcommands.Add(new DiagnoseCommand(context).Build());
        root.Subcommands.Add(new ExplainCommand(context).Build());
        root.Subcommands.Add(new ProcedureCommand(context).Build());
        root.Subcommands.Add(new ChecklistCommand(context).Build());
        root.Subcommands.Add(new FlowCommand(context).Build());
        root.Subcommands.Add(new FaqCommand(context).Build());
        root.Subcommands.Add(new BackupsCommand(context).Build());
        root.Subcommands.Add(new DeviceCommand(context).Build());
        root.Subcommands.Add(new AnalyzeCommand(context).Build());
        root.Subcommands.Add(new AuditCommand(context).Build());
        root.Subcommands.Add(new UsersCommand(context).Build());
        root.Subcommands.Add(new CasesCommand(context).Build());
        root.Subcommands.Add(new ServeCommand(context).Build());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken)
    {
        var color = ConsoleFactory.UseColor(Console.IsOutputRedirected) && ReferenceEquals(output, Console.Out);
        var context = new CliContext(output, error, input, color, TimeProvider.System) { SessionsFolder = Commands.SessionFile.DefaultFolder() };
        return await RunAsync(args, context, cancellationToken);
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = CreateRootCommand(context);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.OutWriter,
            Error = context.ErrorWriter,
            EnableDefaultExceptionHandler = false,
            // After Ctrl+C a device action stops its tool cleanly (SIGINT, up to 15 s to close the session with the
            // device, then a kill): the default 2 s would end the process in the middle of that.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            var exit = await parseResult.InvokeAsync(configuration, cancellationToken);
            // --help answers even when the rest of the line is incomplete (`users add --help` without a name).
            return parseResult.Errors.Count > 0 && parseResult.Action is not LocalizedHelp ? ExitCodes.Usage : exit;
        }
        catch (Exception ex)
        {
            var code = CliErrors.Report(context, ex);
            if (code < 0)
            {
                throw;
            }

            return code;
        }
    }
}
