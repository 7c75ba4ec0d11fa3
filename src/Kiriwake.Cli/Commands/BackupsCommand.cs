using System.CommandLine;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake backups list|verify|sizes|check-password|create`: is the computer backup really there?</summary>
internal sealed class BackupsCommand
{
    private readonly CliContext _context;

    public BackupsCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("backups", "Find and verify local iPhone/iPad backups / パソコン内のバックアップの確認");
        command.Subcommands.Add(new BackupsListCommand(_context).Build());
        command.Subcommands.Add(new BackupsVerifyCommand(_context).Build());
        command.Subcommands.Add(new BackupsSizesCommand(_context).Build());
        command.Subcommands.Add(new BackupsCheckPasswordCommand(_context).Build());
        command.Subcommands.Add(new BackupsCreateCommand(_context).Build());
        return command;
    }
}
