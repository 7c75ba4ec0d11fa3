using System.Globalization;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Diagnosis;

/// <summary>The symptoms an error code typed by the person points at ("4013", "restore:4013", "backup:105").</summary>
public static class SymptomLookup
{
    public static IReadOnlyList<string>? ForCode(KnowledgeBase kb, string code)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(code);
        var parts = code.Trim().Split(':', 2);
        ErrorDomain? domain = null;
        if (parts.Length == 2)
        {
            if (!Enum.TryParse<ErrorDomain>(parts[0], ignoreCase: true, out var d))
            {
                return null;
            }

            domain = d;
        }

        var digits = parts[^1].Trim().Trim('(', ')', '（', '）');
        if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return kb.Content.ErrorCodes.Where(c => c.Code == number && (domain is null || c.Domain == domain))
            .SelectMany(c => c.SymptomIds).Distinct(StringComparer.Ordinal).ToArray();
    }
}
