namespace Kiriwake.Cli.Tests.Diagnosis;

internal sealed record CliResult(int Exit, string Out, string Err);

/// <summary>The diagnosis tests' synchronous view of the shared in-process runner.</summary>
internal static class CliRunner
{
    public static CliResult RunWithInput(string input, params string[] args)
    {
        var result = Tests.CliRunner.RunWithInputAsync(input, args).GetAwaiter().GetResult();
        return new CliResult(result.ExitCode, result.Out, result.Error);
    }

    public static CliResult Run(params string[] args) => RunWithInput("", args);
}
