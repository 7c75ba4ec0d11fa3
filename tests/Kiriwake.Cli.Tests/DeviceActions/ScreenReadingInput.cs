namespace Kiriwake.Cli.Tests.DeviceActions;

/// <summary>
/// Standard input typed by a person who reads the terminal first: each line is chosen from what appeared on stderr
/// since the last line was typed. Keeps what it read and typed, in order, for the test to check.
/// </summary>
internal sealed class ScreenReadingInput(StringWriter screen, Func<string, string?> answer, int maxLines = 80) : TextReader
{
    private int _seen;
    private int _typed;

    public List<(string Screen, string? Typed)> Transcript { get; } = [];

    public override string? ReadLine()
    {
        var all = screen.ToString();
        var shown = all[_seen..];
        _seen = all.Length;
        var line = ++_typed > maxLines ? null : answer(shown);
        Transcript.Add((shown, line));
        return line;
    }

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

    public override int Peek() => -1;

    public override int Read() => -1;
}
