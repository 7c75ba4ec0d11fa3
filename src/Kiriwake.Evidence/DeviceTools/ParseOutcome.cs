namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// A parser's result: the value it could read plus what it could not. Expected variants (an unknown line,
/// a key missing on this iOS version) travel as warnings, never as exceptions.
/// </summary>
public sealed record ParseOutcome<T>(T Value, IReadOnlyList<ParseWarning> Warnings)
{
    public static ParseOutcome<T> Clean(T value) => new(value, []);
}

/// <summary>Something a parser skipped: a stable code, the 1-based line (0 when not line-bound) and the raw text.</summary>
public sealed record ParseWarning(string Code, int Line, string Text);
