namespace Kiriwake.Cli.Tests;

/// <summary>Runs the real command tree in-process with captured stdout and stderr, as a person's terminal would show them.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var context = new CliContext(output, error, reader, color: false, TimeProvider.System);
        var exit = await KiriwakeCli.RunAsync(args, context, CancellationToken.None);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
