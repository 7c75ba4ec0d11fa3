using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kiriwake.Learning.Cases;

/// <summary>
/// The line of every value in a JSON text, by path ("$.transcript[2].answer"), so that a problem found in a parsed
/// document can be reported where it is. System.Text.Json's DOM keeps no positions; one reader pass does.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>The line of the value at <paramref name="path"/>, else of its nearest parent that has one.</summary>
    public int LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return 1;
    }

    /// <param name="firstLine">The line the text starts on in its file.</param>
    public static JsonLineMap Build(string text, int firstLine)
    {
        var map = new JsonLineMap();
        var bytes = Encoding.UTF8.GetBytes(text);
        var newlines = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int Line(long offset)
        {
            var index = newlines.BinarySearch((int)offset);
            return firstLine + (index >= 0 ? index : ~index);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var stack = new Stack<Frame>();
        var path = "$";
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path = stack.Pop().Path;
                        continue;
                    default:
                        break;
                }

                var here = ValuePath(stack, path, property);
                property = null;
                map._lines.TryAdd(here, Line(reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    path = here;
                }
            }
        }
        catch (JsonException)
        {
            // The parse that follows reports the syntax error with its line; the map keeps what it has.
        }

        return map;
    }

    private static string ValuePath(Stack<Frame> stack, string path, string? property)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var frame = stack.Peek();
        if (frame.IsArray)
        {
            var index = frame.Count++;
            return path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        }

        return path + "." + property;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "";
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Count { get; set; }
    }
}
