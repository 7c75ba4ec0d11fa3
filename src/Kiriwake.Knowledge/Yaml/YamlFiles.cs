using Kiriwake.Files;
using Kiriwake.Knowledge.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Kiriwake.Knowledge;

/// <summary>Reads every *.yaml file of a knowledge sub-folder as a sequence of DTOs; a file that does not parse becomes a problem.</summary>
internal static class YamlFiles
{
    /// <summary>The biggest knowledge file is a few hundred kilobytes; a link to /dev/zero or a huge file stops here.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithNodeDeserializer(inner => new LineTrackingNodeDeserializer(inner), s => s.InsteadOf<ObjectNodeDeserializer>())
        .Build();

    /// <summary>The entries of every file in <paramref name="folder"/>, each with the file's path relative to <paramref name="root"/>.</summary>
    public static List<(string File, T Entry)> ReadFolder<T>(string root, string folder, List<KnowledgeProblem> problems)
    {
        var result = new List<(string, T)>();
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            foreach (var entry in ReadFile<T>(path, relative, problems))
            {
                result.Add((relative, entry));
            }
        }

        return result;
    }

    /// <summary>
    /// A syntax pass before deserializing: YamlDotNet's deserializer hides some syntax errors behind a generic
    /// message, and its scanner throws InvalidOperationException on some malformed input instead of a YamlException.
    /// </summary>
    private static (int Line, string Message)? SyntaxError(string text)
    {
        var parser = new Parser(new StringReader(text));
        var lastLine = 1L;
        try
        {
            while (parser.MoveNext())
            {
                lastLine = parser.Current?.End.Line ?? lastLine;
            }

            return null;
        }
        catch (YamlException ex)
        {
            return (checked((int)ex.Start.Line), ex.Message);
        }
        catch (InvalidOperationException)
        {
            return (checked((int)lastLine), "syntax error after this line (an unclosed bracket, brace or quote?)");
        }
    }

    /// <summary>
    /// Keys given twice in one mapping: YAML keeps only the last silently, so an author's first value would vanish.
    /// Found from the parser's events in one pass.
    /// </summary>
    private static List<(int Line, string Message)> DuplicateKeys(string text)
    {
        var found = new List<(int, string)>();
        var frames = new Stack<Frame>();
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            var current = parser.Current;
            bool starts = current is YamlDotNet.Core.Events.Scalar or YamlDotNet.Core.Events.MappingStart
                or YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.AnchorAlias;
            if (starts && frames.TryPeek(out var parent) && parent.Keys is not null)
            {
                if (parent.ExpectKey && current is YamlDotNet.Core.Events.Scalar key)
                {
                    int line = checked((int)key.Start.Line);
                    if (!parent.Keys.TryAdd(key.Value, line))
                    {
                        found.Add((line, $"duplicate key '{key.Value}' (first at line {parent.Keys[key.Value]}); YAML would keep only the last value"));
                    }
                }

                parent.ExpectKey = !parent.ExpectKey;
            }

            switch (current)
            {
                case YamlDotNet.Core.Events.MappingStart:
                    frames.Push(new Frame { Keys = new Dictionary<string, int>(StringComparer.Ordinal), ExpectKey = true });
                    break;
                case YamlDotNet.Core.Events.SequenceStart:
                    frames.Push(new Frame());
                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    frames.Pop();
                    break;
            }
        }

        return found;
    }

    private sealed class Frame
    {
        public Dictionary<string, int>? Keys { get; init; }

        public bool ExpectKey { get; set; }
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet names the CLR type it wanted; an author needs the shape instead.
        const string WrongShape = "No node deserializer was able to deserialize the node into type ";
        if (ex.Message.StartsWith(WrongShape, StringComparison.Ordinal))
        {
            var type = ex.Message[WrongShape.Length..].Split(',')[0];
            var shape = type switch
            {
                "System.String" => "a single value (text or id)",
                "System.Double" or "System.Int32" => "a number",
                _ when type.Contains("List", StringComparison.Ordinal) => "a list",
                _ => "a mapping (key: value)",
            };
            return $"this value has the wrong shape: expected {shape}";
        }

        var inner = ex.InnerException is null ? string.Empty : " " + ex.InnerException.Message;
        return ex.Message + inner;
    }

    private static List<T> ReadFile<T>(string path, string relative, List<KnowledgeProblem> problems)
    {
        try
        {
            string text;
            try
            {
                text = UntrustedFile.ReadAllText(path, MaxFileBytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A link loop, a link to /dev/zero, an unreadable file: a problem of this file, not a crash of lint.
                problems.Add(new KnowledgeProblem(relative, 1, null, "cannot read the file: " + ex.Message));
                return [];
            }

            if (NestingGuard.TooDeepAt(text) is { } deep)
            {
                problems.Add(new KnowledgeProblem(relative, deep, null, $"YAML nests too deep (at most {NestingGuard.MaxFlowDepth} brackets or {NestingGuard.MaxIndent} columns of indentation)"));
                return [];
            }

            if (SyntaxError(text) is { } syntax)
            {
                problems.Add(new KnowledgeProblem(relative, syntax.Line, null, "YAML: " + syntax.Message));
                return [];
            }

            var duplicates = DuplicateKeys(text);
            foreach (var (line, message) in duplicates)
            {
                problems.Add(new KnowledgeProblem(relative, line, null, message));
            }

            if (duplicates.Count > 0)
            {
                return [];
            }

            var entries = s_deserializer.Deserialize<List<T?>?>(text);
            if (entries is null)
            {
                return [];
            }

            var present = entries.Where(e => e is not null).Select(e => e!).ToList();
            if (present.Count != entries.Count)
            {
                problems.Add(new KnowledgeProblem(relative, 1, null, "the file has an empty entry"));
            }

            return present;
        }
        catch (YamlException ex)
        {
            problems.Add(new KnowledgeProblem(relative, checked((int)ex.Start.Line), null, "YAML: " + Describe(ex)));
            return [];
        }
    }
}
