using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Reads the XML plist a libimobiledevice tool prints (<c>ideviceinfo -x</c>, idevicediagnostics) into flat
/// <see cref="DeviceValues"/>. Only this small, tool-printed form: general plists (binary, NSKeyedArchiver)
/// belong to the Plist reader.
/// </summary>
internal static class XmlPlistText
{
    private const int MaxDepth = 32;

    /// <summary>XML depth for <see cref="MaxDepth"/> plist levels: a dict level is two elements (dict, value), plus the plist root.</summary>
    private const int MaxXmlDepth = (2 * MaxDepth) + 4;
    private const long MaxCharacters = 16 * 1024 * 1024;
    private const string PlistStart = "<plist";
    private const string PlistEnd = "</plist>";

    /// <summary>True when the text holds an XML plist (the tools print the declaration first, but it may be absent).</summary>
    public static bool LooksLikePlist(string text) =>
        text.Contains(PlistStart, StringComparison.Ordinal) || text.TrimStart().StartsWith("<?xml", StringComparison.Ordinal);

    public static ParseOutcome<DeviceValues> Parse(string text)
    {
        var warnings = new List<ParseWarning>();
        var start = text.IndexOf(PlistStart, StringComparison.Ordinal);
        var end = text.LastIndexOf(PlistEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            warnings.Add(new ParseWarning("xml-incomplete", 0, Excerpt(text)));
            return new ParseOutcome<DeviceValues>(DeviceValues.Empty, warnings);
        }

        AddStrayLines(text[..start], 1, warnings, skipDeclaration: true);
        var body = text.Substring(start, end - start + PlistEnd.Length);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersInDocument = MaxCharacters,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            // A streaming pass first: the tree below is built only for output that nests like a real plist
            // (100,000 nested <array> once took a minute, outside the tool's timeout).
            using (var scan = XmlReader.Create(new StringReader(body), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxXmlDepth)
                    {
                        warnings.Add(new ParseWarning("xml-too-deep", (scan as IXmlLineInfo)?.LineNumber ?? 0, $"nested deeper than {MaxDepth} levels"));
                        return new ParseOutcome<DeviceValues>(DeviceValues.Empty, warnings);
                    }
                }
            }

            using var reader = XmlReader.Create(new StringReader(body), settings);
            var root = XElement.Load(reader, LoadOptions.None);
            var top = root.Elements().FirstOrDefault();
            if (top is null)
            {
                return new ParseOutcome<DeviceValues>(DeviceValues.Empty, warnings);
            }

            Flatten(top, string.Empty, 0, values, warnings);
        }
        catch (XmlException ex)
        {
            warnings.Add(new ParseWarning("xml-malformed", ex.LineNumber, ex.Message));
            return new ParseOutcome<DeviceValues>(DeviceValues.Empty, warnings);
        }

        var afterEnd = end + PlistEnd.Length;
        var linesBefore = text.AsSpan(0, afterEnd).Count('\n') + 1;
        AddStrayLines(text[afterEnd..], linesBefore, warnings, skipDeclaration: false);
        return new ParseOutcome<DeviceValues>(new DeviceValues(values), warnings);
    }

    private static void Flatten(XElement element, string path, int depth, Dictionary<string, string> values, List<ParseWarning> warnings)
    {
        if (depth > MaxDepth)
        {
            warnings.Add(new ParseWarning("xml-too-deep", 0, path));
            return;
        }

        switch (element.Name.LocalName)
        {
            case "dict":
                string? key = null;
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName == "key")
                    {
                        key = child.Value;
                        continue;
                    }

                    if (key is null)
                    {
                        warnings.Add(new ParseWarning("xml-value-without-key", 0, path));
                        continue;
                    }

                    Flatten(child, Join(path, key), depth + 1, values, warnings);
                    key = null;
                }

                break;
            case "array":
                var index = 0;
                foreach (var child in element.Elements())
                {
                    Flatten(child, Join(path, index.ToString(CultureInfo.InvariantCulture)), depth + 1, values, warnings);
                    index++;
                }

                break;
            default:
                var scalar = Scalar(element);
                if (scalar is null)
                {
                    warnings.Add(new ParseWarning("xml-unknown-element", 0, path + ": <" + element.Name.LocalName + ">"));
                }
                else
                {
                    values[path] = scalar;
                }

                break;
        }
    }

    private static string? Scalar(XElement element) => element.Name.LocalName switch
    {
        "string" => element.Value,
        "true" => "true",
        "false" => "false",
        "integer" => Integer(element.Value.Trim()),
        "real" => double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("R", CultureInfo.InvariantCulture)
            : element.Value.Trim(),
        "date" => DateTimeOffset.TryParse(element.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : element.Value.Trim(),
        "data" => string.Concat(element.Value.Where(c => !char.IsWhiteSpace(c))),
        _ => null,
    };

    private static string Integer(string text)
    {
        // Negative values exist (error codes); uint64 values above long.MaxValue too (unique chip ids).
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
        {
            return signed.ToString(CultureInfo.InvariantCulture);
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned)
            ? unsigned.ToString(CultureInfo.InvariantCulture)
            : text;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "/" + key;

    private static void AddStrayLines(string text, int firstLine, List<ParseWarning> warnings, bool skipDeclaration)
    {
        var lineNumber = firstLine;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            var isMarkup = trimmed.StartsWith("<?xml", StringComparison.Ordinal) || trimmed.StartsWith("<!DOCTYPE", StringComparison.Ordinal);
            if (trimmed.Length > 0 && !(skipDeclaration && isMarkup))
            {
                warnings.Add(new ParseWarning("stray-line", lineNumber, trimmed));
            }

            lineNumber++;
        }
    }

    private static string Excerpt(string text) => text.Length <= 120 ? text.Trim() : text[..120].Trim();
}
