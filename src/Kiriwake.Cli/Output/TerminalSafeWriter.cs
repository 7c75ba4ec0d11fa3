using System.Text;
using Kiriwake.Core.Text;

namespace Kiriwake.Cli;

/// <summary>
/// The last line of defence between the command and the terminal: every character written passes through here,
/// and control characters that did not come from the command's own styling are shown as visible escapes
/// (<see cref="UntrustedText"/>), so a device name, a path in a backup, a log line or an answer can never set the
/// window title, write to the clipboard or hide text. With colour on, the CSI sequences the console library writes
/// for colours and the progress bar pass; OSC, DCS and every other escape never do. Untrusted fields are also
/// escaped where they are rendered; this catches whatever a renderer forgets.
/// </summary>
internal sealed class TerminalSafeWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly bool _allowCsi;
    private State _state;

    public TerminalSafeWriter(TextWriter inner, bool allowCsi)
    {
        _inner = inner;
        _allowCsi = allowCsi;
    }

    private enum State
    {
        Text,
        Escape,
        Csi,
    }

    public override Encoding Encoding => _inner.Encoding;

    public override IFormatProvider FormatProvider => _inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _inner.NewLine;
        set => _inner.NewLine = value;
    }

    /// <summary>The writer this one protects (tests read what was captured through it).</summary>
    public TextWriter Inner => _inner;

    public override void Write(char value)
    {
        switch (_state)
        {
            case State.Escape:
                if (value == '[')
                {
                    _state = State.Csi;
                    _inner.Write("\u001b[");
                }
                else
                {
                    // ESC followed by anything else (OSC "]", DCS "P", a lone ESC) is shown, not obeyed.
                    _state = State.Text;
                    _inner.Write(UntrustedText.Line("\u001b"));
                    Write(value);
                }

                return;
            case State.Csi:
                if (value is >= '\u0020' and <= '\u007E')
                {
                    _inner.Write(value);
                    if (value is >= '@' and <= '~')
                    {
                        _state = State.Text;
                    }

                    return;
                }

                // A control character inside a CSI sequence ends it; show it like any other.
                _state = State.Text;
                break;
        }

        if (value == '\u001b' && _allowCsi)
        {
            _state = State.Escape;
            return;
        }

        if (value is '\n' or '\r' or '\t' || !UntrustedText.IsUnsafe(value))
        {
            _inner.Write(value);
        }
        else
        {
            _inner.Write(UntrustedText.Line(value.ToString()));
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (_state == State.Text && !value.AsSpan().ContainsAny(Unsafe))
        {
            _inner.Write(value);
            return;
        }

        foreach (char c in value)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(NewLine);
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync() => _inner.FlushAsync();

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not '\n' and not '\r' and not '\t')
            .Concat(Enumerable.Range(0x7F, 0x21))
            .Concat([0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069])
            .Select(c => (char)c)
            .ToArray());
}
