namespace Kiriwake.Core.Knowledge;

/// <summary>
/// Finds a device model from what a person can read or type: a ProductType (iPhone12,8), or the name shown in
/// 設定 &gt; 一般 &gt; 情報 / Settings &gt; General &gt; About in any width and either language
/// (「iPhone SE（第2世代）」, "iPhone SE (2nd generation)", 「ｉＰｈｏｎｅ ８」, 「iPad Pro 12.9インチ（第3世代）」).
/// A name that fits several models of different button families (「iPad Pro」) lists them as candidates.
/// The conversation uses it for the "which iPhone is it?" question.
/// </summary>
public static class ModelResolver
{
    /// <summary>How many candidates a person is shown at most.</summary>
    public const int MaxCandidates = 12;

    public static ModelResolution Resolve(KnowledgeBase knowledge, string query)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(query);
        var trimmed = query.Trim();
        if (knowledge.Models.TryGetValue(trimmed, out var model))
        {
            return new ModelResolution(model.Family, [model], FromRule: false);
        }

        var words = ModelName.Words(trimmed);
        if (words.Count > 0)
        {
            var named = knowledge.Content.Models.Select(m => (Model: m, Words: ModelName.Words(m.Name))).ToList();

            // The name exactly (the Wi-Fi and Cellular variants of one iPad are one name); else every model whose name has all the words.
            // A bare "iPad" or "iPhone" means any of them (the first iPad is called just "iPad").
            var exact = words.Count == 1 ? [] : named.Where(m => ModelName.Core(m.Words).SequenceEqual(words)).Select(m => m.Model).ToList();
            var candidates = exact.Count > 0 ? exact : named.Where(m => words.All(m.Words.Contains) && InOrder(words, m.Words)).Select(m => m.Model).ToList();
            if (candidates.Count > 0)
            {
                var families = candidates.Select(m => m.Family).Distinct().ToList();
                return new ModelResolution(families.Count == 1 ? families[0] : null, candidates, FromRule: false);
            }
        }

        return ButtonFamilyRule.FromProductType(trimmed) is { } family
            ? new ModelResolution(family, [], FromRule: true)
            : new ModelResolution(null, [], FromRule: false);
    }

    /// <summary>The distinct names of the candidates (variants of one model once), at most <see cref="MaxCandidates"/>, for a person to choose from.</summary>
    public static IReadOnlyList<string> CandidateNames(ModelResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution.Candidates.Select(m => ModelName.Short(m.Name)).Distinct(StringComparer.Ordinal).Take(MaxCandidates).ToList();
    }

    /// <summary>A few well-known models of a family, newest last, for a "which iPhone is it?" list ("iPhone 8, iPhone SE (2nd generation), …").</summary>
    public static IReadOnlyList<string> Examples(KnowledgeBase knowledge, ButtonFamily family, int count = 4)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var names = knowledge.Content.Models.Where(m => m.Family == family).Select(m => ModelName.Short(m.Name)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count <= count)
        {
            return names;
        }

        // Spread over the family's range: its first models, and its latest.
        var picked = new List<string>();
        for (var i = 0; i < count; i++)
        {
            picked.Add(names[(int)Math.Round(i * (names.Count - 1) / (double)(count - 1))]);
        }

        return picked.Distinct(StringComparer.Ordinal).ToList();
    }

    // "iPad 9th generation" is in "iPad (9th generation, Wi-Fi)"; "iPhone 8 Plus" is not in "iPhone Plus 8".
    private static bool InOrder(IReadOnlyList<string> words, IReadOnlyList<string> name)
    {
        var at = 0;
        foreach (var word in words)
        {
            var found = -1;
            for (var i = at; i < name.Count; i++)
            {
                if (name[i] == word)
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                return false;
            }

            at = found + 1;
        }

        return true;
    }
}

/// <summary>
/// The family found (null when unknown or when the candidates disagree), the models that matched, and whether
/// the family came from the ProductType rule for a model the table does not list (to be confirmed by the person).
/// </summary>
public sealed record ModelResolution(ButtonFamily? Family, IReadOnlyList<DeviceModel> Candidates, bool FromRule)
{
    /// <summary>Several models of different button families fit: the person must choose.</summary>
    public bool Ambiguous => Family is null && Candidates.Count > 0;
}
