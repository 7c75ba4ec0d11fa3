namespace Kiriwake.Cli.Commands;

/// <summary>
/// Reads the person's lines so that Ctrl+C ends the wait at once: the read runs beside the command and the wait
/// ends when a line comes, the input ends (Ctrl+D: null) or the command is cancelled (Ctrl+C).
/// </summary>
internal sealed class PromptReader(TextReader input)
{
    private Task<string?>? _pending;

    /// <exception cref="OperationCanceledException">Ctrl+C (the command's token) while waiting.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _pending ??= Task.Run(input.ReadLine, CancellationToken.None);
        var line = await _pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        _pending = null;
        return line;
    }
}
