using System.Globalization;
using System.Xml;

namespace Kiriwake.Evidence.Plist;

/// <summary>
/// Reads an XML plist (as written by iTunes, idevicebackup2 and <c>ideviceinfo -x</c>). The DOCTYPE is ignored
/// and nothing external is resolved; nesting is capped like the binary reader's.
/// </summary>
internal static class XmlPlistReader
{
    private static readonly string[] s_dateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static PlistValue Read(ReadOnlySpan<byte> data)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };

        try
        {
            using var stream = new MemoryStream(data.ToArray(), writable: false);
            using var xml = XmlReader.Create(stream, settings);
            xml.MoveToContent();
            if (xml.NodeType != XmlNodeType.Element || xml.Name != "plist")
            {
                throw new PlistFormatException($"XML plist root is <{xml.Name}>, not <plist>.");
            }

            if (xml.IsEmptyElement)
            {
                throw new PlistFormatException("Empty <plist> element.");
            }

            xml.Read();
            var value = ReadValue(xml, depth: 0);
            if (xml.NodeType != XmlNodeType.EndElement || xml.Name != "plist")
            {
                throw new PlistFormatException("A <plist> element must hold exactly one value.");
            }

            return value;
        }
        catch (XmlException e)
        {
            throw new PlistFormatException($"Malformed XML plist: {e.Message}", e);
        }
    }

    /// <summary>Reads the value element the reader is on and leaves the reader on the node after it.</summary>
    private static PlistValue ReadValue(XmlReader xml, int depth)
    {
        if (depth > BinaryPlistReader.MaxDepth)
        {
            throw new PlistFormatException($"Nesting deeper than {BinaryPlistReader.MaxDepth} levels.");
        }

        if (xml.NodeType != XmlNodeType.Element)
        {
            throw new PlistFormatException($"Expected a value element, found {xml.NodeType} '{xml.Name}'.");
        }

        string name = xml.Name;
        switch (name)
        {
            case "dict":
                return ReadDict(xml, depth);
            case "array":
                return ReadArray(xml, depth);
            case "true":
            case "false":
                xml.Skip();
                return new PlistBool(name == "true");
            case "string":
                return new PlistString(Text(xml));
            case "integer":
                return new PlistInteger(ParseInteger(Text(xml)));
            case "real":
                return new PlistReal(ParseReal(Text(xml)));
            case "date":
                return new PlistDate(ParseDate(Text(xml)));
            case "data":
                return new PlistData(ParseData(Text(xml)));
            default:
                throw new PlistFormatException($"Unknown plist element <{name}>.");
        }
    }

    private static PlistValue ReadDict(XmlReader xml, int depth)
    {
        var entries = new Dictionary<string, PlistValue>(StringComparer.Ordinal);
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return new PlistDict(entries);
        }

        xml.Read();
        while (xml.NodeType != XmlNodeType.EndElement)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Name != "key")
            {
                throw new PlistFormatException($"Expected <key> in <dict>, found '{xml.Name}'.");
            }

            string key = Text(xml);
            var value = ReadValue(xml, depth + 1);
            if (!entries.TryAdd(key, value))
            {
                throw new PlistFormatException($"Duplicate dictionary key '{key}'.");
            }
        }

        xml.Read();

        // An XML archive writes an NSKeyedArchiver reference as <dict><key>CF$UID</key><integer>n</integer></dict>.
        if (entries.Count == 1 && entries.TryGetValue("CF$UID", out var uid) && uid is PlistInteger { Value: >= 0 } n)
        {
            return new PlistUid((ulong)n.Value);
        }

        return new PlistDict(entries);
    }

    private static PlistArray ReadArray(XmlReader xml, int depth)
    {
        var items = new List<PlistValue>();
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return new PlistArray(items);
        }

        xml.Read();
        while (xml.NodeType != XmlNodeType.EndElement)
        {
            items.Add(ReadValue(xml, depth + 1));
        }

        xml.Read();
        return new PlistArray(items);
    }

    /// <summary>Reads a text-only element's content and moves past it; child elements are malformed.</summary>
    private static string Text(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }

        try
        {
            return xml.ReadElementContentAsString();
        }
        catch (InvalidOperationException e)
        {
            throw new PlistFormatException($"Element <{xml.Name}> must contain text only.", e);
        }
    }

    private static long ParseInteger(string text)
    {
        string t = text.Trim();
        bool hex = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        bool ok = hex
            ? long.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long value)
            : long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new PlistFormatException($"Invalid <integer> '{Clip(text)}'.");
    }

    private static double ParseReal(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new PlistFormatException($"Invalid <real> '{Clip(text)}'.");

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new PlistFormatException($"Invalid <date> '{Clip(text)}'.");

    private static byte[] ParseData(string text)
    {
        // Apple wraps base64 over lines with tabs; strip all whitespace first.
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        try
        {
            return Convert.FromBase64String(compact);
        }
        catch (FormatException e)
        {
            throw new PlistFormatException("Invalid base64 in <data>.", e);
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
