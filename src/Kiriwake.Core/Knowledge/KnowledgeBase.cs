namespace Kiriwake.Core.Knowledge;

/// <summary>The validated knowledge base: every record of knowledge/, looked up by id.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        Causes = content.Causes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Symptoms = content.Symptoms.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Actions = content.Actions.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Questions = content.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        Escalations = content.Escalations.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Checklists = content.Checklists.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Flows = content.Flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Models = content.Models.ToDictionary(m => m.ProductType, StringComparer.OrdinalIgnoreCase);
    }

    public KnowledgeContent Content { get; }

    /// <summary>The knowledge base's version (its loader's fingerprint of the files), recorded in session logs so a
    /// log made with another version can be recognised; empty when unknown.</summary>
    public string Version { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, Cause> Causes { get; }

    public IReadOnlyDictionary<string, Symptom> Symptoms { get; }

    public IReadOnlyDictionary<string, TroubleshootingAction> Actions { get; }

    public IReadOnlyDictionary<string, Question> Questions { get; }

    public IReadOnlyDictionary<string, Escalation> Escalations { get; }

    public IReadOnlyDictionary<string, Checklist> Checklists { get; }

    public IReadOnlyDictionary<string, Flow> Flows { get; }

    public IReadOnlyDictionary<string, DeviceModel> Models { get; }

    /// <summary>The codes whose table entry names this symptom.</summary>
    public IEnumerable<ErrorCode> CodesFor(string symptomId) =>
        Content.ErrorCodes.Where(c => c.SymptomIds.Contains(symptomId, StringComparer.Ordinal));

    /// <summary>The title of an action, question or escalation (they share one id space).</summary>
    public LocalizedText? StepTitle(string stepId) =>
        Actions.TryGetValue(stepId, out var action) ? action.Title
        : Questions.TryGetValue(stepId, out var question) ? question.Text
        : Escalations.TryGetValue(stepId, out var escalation) ? escalation.Title
        : null;

    public Procedure? FindProcedure(ProcedureKind kind, ButtonFamily family) =>
        Content.Procedures.FirstOrDefault(p => p.Kind == kind && p.Family == family);
}

/// <summary>Everything the loader read, as immutable lists in file order.</summary>
public sealed record KnowledgeContent(
    IReadOnlyList<ProbabilityWord> Words,
    IReadOnlyList<Cause> Causes,
    IReadOnlyList<Symptom> Symptoms,
    IReadOnlyList<TroubleshootingAction> Actions,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<Escalation> Escalations,
    IReadOnlyList<ErrorCode> ErrorCodes,
    IReadOnlyList<ErrorCodeRange> ErrorCodeRanges,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<DeviceModel> Models,
    IReadOnlyList<Checklist> Checklists,
    IReadOnlyList<Flow> Flows,
    IReadOnlyList<FaqEntry> Faq,
    IReadOnlyList<AcceptanceCriterion> Acceptance,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<CaseStudy> CaseStudies,
    IReadOnlyList<CoverageEntry> Coverage);
