using Kiriwake.Cli;

namespace Kiriwake.Cli.Tests.Backups;

/// <summary>Runs real command lines against the real root command, capturing stdout and stderr.</summary>
internal static class BackupsCli
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(stdin), color: false, TimeProvider.System);
        int exit = await KiriwakeCli.RunAsync(args, context, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
