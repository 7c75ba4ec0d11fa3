using System.Globalization;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>Finds the symptoms an error code points at (a pasted text goes through the text matcher instead).</summary>
public static class SymptomFinder
{
    /// <summary>"4013", "restore:4013" or "backup:105"; best first, in the table's order.</summary>
    /// <exception cref="FormatException">Not an error code.</exception>
    public static IReadOnlyList<string> ForCode(KnowledgeBase kb, string code)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(code);
        var parts = code.Trim().Split(':', 2);
        ErrorDomain? domain = parts.Length == 2
            ? Enum.TryParse<ErrorDomain>(parts[0], ignoreCase: true, out var d) ? d : throw new FormatException($"unknown error domain '{parts[0]}'")
            : null;
        if (!int.TryParse(parts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"'{code}' is not an error code");
        }

        return kb.Content.ErrorCodes.Where(c => c.Code == number && (domain is null || c.Domain == domain))
            .SelectMany(c => c.SymptomIds).Distinct(StringComparer.Ordinal).ToArray();
    }
}
