using System.Globalization;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>Finds the symptoms an error code or a pasted message points at (codes first, then known messages).</summary>
internal static partial class SymptomFinder
{
    /// <summary>"4013", "restore:4013" or "backup:105".</summary>
    public static IReadOnlyList<string> ForCode(KnowledgeBase kb, string code)
    {
        var parts = code.Split(':', 2);
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

    public static IReadOnlyList<string> ForText(KnowledgeBase kb, string text)
    {
        var found = new List<string>();
        var numbers = CodePattern().Matches(text).Select(m => int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var code in kb.Content.ErrorCodes.Where(c => numbers.Contains(c.Code)))
        {
            found.AddRange(code.SymptomIds);
        }

        foreach (var symptom in kb.Content.Symptoms)
        {
            if (symptom.Messages.Any(m => Contains(text, m.Ja) || Contains(text, m.En)))
            {
                found.Add(symptom.Id);
            }
        }

        foreach (var code in kb.Content.ErrorCodes)
        {
            if (code.Messages.Any(m => Contains(text, m.Ja) || Contains(text, m.En)))
            {
                found.AddRange(code.SymptomIds);
            }
        }

        return found.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool Contains(string text, string message)
    {
        var core = message.Trim().TrimEnd('。', '.', '!', '！');
        return core.Length >= 4 && text.Contains(core, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A number in parentheses, or after "error"/"エラー" (iTunes/Finder write "(4013)").</summary>
    [GeneratedRegex(@"(?:\(|（|error\s*|エラー\s*|code\s*)(?<code>\d{1,5})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
