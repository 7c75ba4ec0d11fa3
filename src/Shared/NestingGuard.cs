namespace Kiriwake.Files;

/// <summary>
/// A linear scan of YAML or JSON text before a recursive parser sees it: YamlDotNet and the readers built on it
/// recurse once per level (100,000 nested brackets overflow the stack) and slow down with the square of the flow
/// depth. Real knowledge, model, answers and session files nest a handful of levels.
/// </summary>
internal static class NestingGuard
{
    /// <summary>Deeper flow nesting (<c>[</c>, <c>{</c>) than any real file of ours has.</summary>
    public const int MaxFlowDepth = 64;

    /// <summary>More leading indentation (spaces plus compact "- " / "? " indicators) than any real file of ours has.</summary>
    public const int MaxIndent = 256;

    /// <summary>Throws when <paramref name="text"/> nests deeper than the caps.</summary>
    /// <exception cref="InvalidDataException">Names the file and line in Japanese and English.</exception>
    public static void Check(string text, string name)
    {
        if (TooDeepAt(text) is { } line)
        {
            throw TooDeep(name, line);
        }
    }

    /// <summary>The line where <paramref name="text"/> first nests deeper than the caps, or null.</summary>
    public static int? TooDeepAt(string text)
    {
        // Brackets are counted everywhere, in quotes and comments too: an over-count only refuses a file with more
        // than 64 unclosed brackets in its texts, while skipping quoted text would let a crafted quote hide nesting.
        int depth = 0, line = 1, indent = 0;
        bool lineStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = true;
                indent = 0;
                continue;
            }

            if (lineStart)
            {
                if (c is ' ' or '\t' || ((c is '-' or '?' or ':') && i + 1 < text.Length && text[i + 1] is ' ' or '\t'))
                {
                    if (++indent > MaxIndent)
                    {
                        return line;
                    }

                    continue;
                }

                lineStart = false;
            }

            if (c is '[' or '{')
            {
                if (++depth > MaxFlowDepth)
                {
                    return line;
                }
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return null;
    }

    /// <summary>The problem in both languages, without the file name.</summary>
    public const string Message = "入れ子が深すぎます / nests too deep";

    public static InvalidDataException TooDeep(string name, int line) =>
        new($"{name}:{line}: 入れ子が深すぎます(括弧は {MaxFlowDepth} 段、字下げは {MaxIndent} 桁まで)/ nests too deep (at most {MaxFlowDepth} brackets or {MaxIndent} columns of indentation)");
}
