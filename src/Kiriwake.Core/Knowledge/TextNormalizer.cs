using System.Globalization;
using System.Text;

namespace Kiriwake.Core.Knowledge;

/// <summary>
/// Folds text for matching what a person pasted against known messages: NFKC (full-width digits and brackets
/// become ASCII), lower case, and no spaces or punctuation, so 「（４０１３）」 and "(4013)" compare equal.
/// </summary>
public static class TextNormalizer
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.OtherPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The share of the query's character pairs found in the text (0–1): tolerant matching for Japanese, which has no spaces.</summary>
    public static double BigramOverlap(string foldedQuery, string foldedText)
    {
        ArgumentNullException.ThrowIfNull(foldedQuery);
        ArgumentNullException.ThrowIfNull(foldedText);
        if (foldedQuery.Length < 2)
        {
            return foldedText.Contains(foldedQuery, StringComparison.Ordinal) ? 1 : 0;
        }

        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < foldedText.Length; i++)
        {
            pairs.Add(foldedText.Substring(i, 2));
        }

        var total = foldedQuery.Length - 1;
        var found = 0;
        for (var i = 0; i < total; i++)
        {
            if (pairs.Contains(foldedQuery.Substring(i, 2)))
            {
                found++;
            }
        }

        return (double)found / total;
    }
}
