namespace Kiriwake.Core.Knowledge;

/// <summary>What must hold before a case is closed; applies to the listed symptoms (empty: all).</summary>
public sealed record AcceptanceCriterion(string Id, LocalizedText Text, IReadOnlyList<string> SymptomIds);

/// <summary>A security or privacy rule the product enforces or shows.</summary>
public sealed record Note(string Id, LocalizedText Title, LocalizedText Text);

/// <summary>A worked case from a document, replayable as a scripted session.</summary>
public sealed record CaseStudy(string Id, LocalizedText Title, string SymptomId, string TrueCause, IReadOnlyDictionary<string, string> Answers, LocalizedText Outcome);

/// <summary>One heading of a seed document (and its line there) and the ids that implement it.</summary>
public sealed record CoverageEntry(string Document, string Heading, IReadOnlyList<string> Ids)
{
    public int Line { get; init; }
}
