using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Tests;

/// <summary>Runs the real command tree in-process with captured stdout and stderr, as a person's terminal would show them.
/// Sessions go to a folder the caller names, or to a fresh temporary folder that is removed afterwards — never to
/// the user's state folder; the platform is a Mac's unless the caller says otherwise, so screens do not depend on
/// the machine the tests run on.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunWithInputAsync(string input, params string[] args) =>
        await RunInAsync(new CliRun(input), args);

    public static async Task<CliResult> RunInAsync(CliRun run, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(run.Input);
        var reader = run.ReaderFor?.Invoke(error) ?? run.Reader ?? input;
        var temporary = run.SessionsFolder is null ? Directory.CreateTempSubdirectory("kiriwake-cli-sessions-").FullName : null;
        try
        {
            var context = new CliContext(output, error, reader, color: false, TimeProvider.System)
            {
                SessionsFolder = run.SessionsFolder ?? temporary,
                DeviceBackupFolder = run.DeviceBackupFolder,
                PlatformCandidates = run.Platforms ?? [Platform.MacosFinder],
            };
            var exit = await KiriwakeCli.RunAsync(args, context, run.Cancellation);
            return new CliResult(exit, output.ToString(), error.ToString());
        }
        finally
        {
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);
}

/// <summary>How to run: the typed input, the sessions folder (null: a temporary one), the platforms the machine implies.</summary>
internal sealed record CliRun(string Input, string? SessionsFolder = null, IReadOnlyList<Platform>? Platforms = null, CancellationToken Cancellation = default)
{
    /// <summary>A reader to use instead of <see cref="Input"/> (one that blocks like a terminal).</summary>
    public TextReader? Reader { get; init; }

    /// <summary>A reader made over the run's stderr (a person who reads the screen before typing).</summary>
    public Func<StringWriter, TextReader>? ReaderFor { get; init; }

    /// <summary>Where `diagnose --device` makes a backup (the test's own folder).</summary>
    public string? DeviceBackupFolder { get; init; }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
