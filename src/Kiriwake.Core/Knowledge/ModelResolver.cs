namespace Kiriwake.Core.Knowledge;

/// <summary>Finds a device model from a ProductType (iPhone12,8) or a marketing name ("iPhone SE (2nd generation)").</summary>
public static class ModelResolver
{
    public static ModelResolution Resolve(KnowledgeBase knowledge, string query)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(query);
        var trimmed = query.Trim();
        if (knowledge.Models.TryGetValue(trimmed, out var model))
        {
            return new ModelResolution(model.Family, [model], FromRule: false);
        }

        var folded = TextNormalizer.Fold(trimmed);
        var exact = knowledge.Content.Models.Where(m => TextNormalizer.Fold(m.Name) == folded).ToList();
        var candidates = exact.Count > 0 ? exact : knowledge.Content.Models.Where(m => TextNormalizer.Fold(m.Name).Contains(folded, StringComparison.Ordinal)).ToList();
        if (candidates.Count > 0 && folded.Length > 0)
        {
            var families = candidates.Select(m => m.Family).Distinct().ToList();
            return new ModelResolution(families.Count == 1 ? families[0] : null, candidates, FromRule: false);
        }

        return ButtonFamilyRule.FromProductType(trimmed) is { } family
            ? new ModelResolution(family, [], FromRule: true)
            : new ModelResolution(null, [], FromRule: false);
    }
}

/// <summary>
/// The family found (null when unknown or when the candidates disagree), the models that matched, and whether
/// the family came from the ProductType rule for a model the table does not list (to be confirmed by the person).
/// </summary>
public sealed record ModelResolution(ButtonFamily? Family, IReadOnlyList<DeviceModel> Candidates, bool FromRule);
