using System.CommandLine;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake kb`: work on the knowledge base itself (lint, eval, learn).</summary>
internal sealed class KbCommand
{
    private readonly CliContext _context;

    public KbCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("kb", "Check and score the knowledge base / 知識ベースの検査と評価");
        command.Subcommands.Add(new KbLintCommand(_context).Build());
        command.Subcommands.Add(new EvalCommand(_context).Build());
        command.Subcommands.Add(new KbLearnCommand(_context).Build());
        return command;
    }
}
