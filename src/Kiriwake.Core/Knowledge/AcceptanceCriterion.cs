namespace Kiriwake.Core.Knowledge;

/// <summary>What must hold before a case is closed; applies to the listed symptoms (empty: all), and only to the
/// outcome it describes (issue 9 item 13): fixed by one of <see cref="FixedBy"/>, or after one of <see cref="Tried"/>.</summary>
public sealed record AcceptanceCriterion(string Id, LocalizedText Text, IReadOnlyList<string> SymptomIds)
{
    /// <summary>Applies only when the session was fixed by one of these steps (empty: however it ended).</summary>
    public IReadOnlyList<string> FixedBy { get; init; } = [];

    /// <summary>Applies only when one of these steps was tried (empty: always).</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>Whether the criterion fits this session: its symptom, the step that fixed it, the steps tried.</summary>
    public bool AppliesTo(string symptomId, string? fixedBy, IReadOnlyCollection<string> tried)
    {
        ArgumentNullException.ThrowIfNull(tried);
        return (SymptomIds.Count == 0 || SymptomIds.Contains(symptomId, StringComparer.Ordinal))
            && (FixedBy.Count == 0 || (fixedBy is not null && FixedBy.Contains(fixedBy, StringComparer.Ordinal)))
            && (Tried.Count == 0 || Tried.Any(tried.Contains));
    }
}

/// <summary>A security or privacy rule, a warning or a piece of prevention advice: shown at the steps it names and at the
/// end of a report on the occasions it names.</summary>
public sealed record Note(string Id, LocalizedText Title, LocalizedText Text)
{
    /// <summary>The occasions a report can end on: <c>fixed</c> (prevention advice), <c>escalated</c>, and
    /// <c>handing-on</c> (the person is erasing the device to sell, give away or dispose of it).</summary>
    public static IReadOnlyList<string> Occasions { get; } = ["fixed", "escalated", "handing-on"];

    /// <summary>Steps (actions, questions, escalations) at which the note is shown.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Occasions (<see cref="Occasions"/>) at whose end of report the note is shown.</summary>
    public IReadOnlyList<string> When { get; init; } = [];
}

/// <summary>A worked case from a document, replayable as a scripted session.</summary>
public sealed record CaseStudy(string Id, LocalizedText Title, string SymptomId, string TrueCause, IReadOnlyDictionary<string, string> Answers, LocalizedText Outcome);

/// <summary>One heading of a seed document (and its line there) and the ids that implement it.</summary>
public sealed record CoverageEntry(string Document, string Heading, IReadOnlyList<string> Ids)
{
    public int Line { get; init; }

    /// <summary>How the heading is modelled: as data the engine uses, or only as text a person reads (required in the YAML).</summary>
    public ModelledAs As { get; init; }

    /// <summary>For a <see cref="ModelledAs.Text"/> heading: why it is text only (English, for the knowledge's authors).</summary>
    public string? Why { get; init; }
}

/// <summary>How a seed heading is modelled (coverage <c>as:</c>).</summary>
public enum ModelledAs
{
    /// <summary>At least one of its ids is a symptom, cause, step, error code, procedure, model or flow the engine uses.</summary>
    Data,

    /// <summary>Its ids are only checklists (or their items), FAQ entries, notes, case studies or acceptance criteria.</summary>
    Text,
}
