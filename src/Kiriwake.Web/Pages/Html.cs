using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Kiriwake.Web.Pages;

/// <summary>
/// A page body being written. Every text goes through <see cref="E"/> (HTML-encoded); only the fixed markup of
/// this project's own code is written raw, so pasted text or knowledge text can never become markup.
/// </summary>
public sealed class Html
{
    private readonly StringBuilder _sb = new();

    /// <summary>Encodes markup characters; Japanese and other letters stay as they are.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string Url(string? text) => UrlEncoder.Default.Encode(text ?? "");

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends fixed markup (interpolated values must already be encoded with <see cref="E"/>).</summary>
    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _sb.Append(E(text));
        return this;
    }

    /// <summary>&lt;tag&gt;text&lt;/tag&gt; with the text encoded.</summary>
    public Html El(string tag, string? text, string? attributes = null)
    {
        _sb.Append('<').Append(tag);
        if (attributes is not null)
        {
            _sb.Append(' ').Append(attributes);
        }

        _sb.Append('>').Append(E(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    public Html List(IEnumerable<string> items, string tag = "ul", string? attributes = null)
    {
        var any = false;
        foreach (var item in items)
        {
            if (!any)
            {
                _sb.Append('<').Append(tag).Append(attributes is null ? "" : " " + attributes).Append('>');
                any = true;
            }

            _sb.Append("<li>").Append(E(item)).Append("</li>");
        }

        if (any)
        {
            _sb.Append("</").Append(tag).Append('>');
        }

        return this;
    }

    public override string ToString() => _sb.ToString();
}
