using Kiriwake.Cli;

namespace Kiriwake.Cli.Tests.Diagnosis;

internal sealed record CliResult(int Exit, string Out, string Err);

/// <summary>Runs the command in-process with captured streams, as a person or a script would.</summary>
internal static class CliRunner
{
    public static CliResult RunWithInput(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(input), color: false, TimeProvider.System);
        var exit = KiriwakeCli.RunAsync(args, context, CancellationToken.None).GetAwaiter().GetResult();
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static CliResult Run(params string[] args) => RunWithInput("", args);
}
