using Kiriwake.Core.Knowledge;

namespace Kiriwake.Learning.Estimation;

/// <summary>
/// The probabilities that can be learned, numbered: each symptom's prior (over its causes, sorted by id), each
/// P(fix | cause) the knowledge base gives an action with a value above 0 (what an action addresses is structure,
/// not learned), and each question's row P(· | cause) over its answers (sorted by id). Holds the knowledge base's
/// values; the learner keeps the estimates.
/// </summary>
internal sealed class ParameterSpace
{
    private readonly Dictionary<string, int> _symptoms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Action, string Cause), int> _fixes = [];
    private readonly Dictionary<(string Question, string Cause), int> _answers = [];

    public ParameterSpace(KnowledgeBase kb, IEnumerable<string> symptomIds)
    {
        Kb = kb;
        foreach (var id in symptomIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var symptom = kb.Symptoms[id];
            _symptoms[id] = Symptoms.Count;
            Symptoms.Add(id);
            var causes = symptom.Prior.OrderBy(p => p.CauseId, StringComparer.Ordinal).ToArray();
            SymptomCauses.Add(causes.Select(c => c.CauseId).ToArray());
            PriorKb.Add(causes.Select(c => c.P).ToArray());
        }
    }

    public KnowledgeBase Kb { get; }

    public List<string> Symptoms { get; } = [];

    public List<string[]> SymptomCauses { get; } = [];

    public List<double[]> PriorKb { get; } = [];

    public List<(string Action, string Cause)> FixKeys { get; } = [];

    public List<double> FixKb { get; } = [];

    public List<(string Question, string Cause)> AnswerKeys { get; } = [];

    /// <summary>Answer ids of the question of each answer row, sorted.</summary>
    public List<string[]> AnswerIds { get; } = [];

    public List<double[]> AnswerKb { get; } = [];

    public int SymptomIndex(string id) => _symptoms[id];

    /// <summary>The index of P(fix | cause) of the action, or −1 when the knowledge base says it cannot fix that cause.</summary>
    public int FixIndex(string actionId, string causeId)
    {
        if (_fixes.TryGetValue((actionId, causeId), out var index))
        {
            return index;
        }

        if (!Kb.Actions.TryGetValue(actionId, out var action))
        {
            return -1;
        }

        var p = action.Fixes.Where(f => f.CauseId == causeId).Select(f => f.P).DefaultIfEmpty(0).Max();
        if (p <= 0)
        {
            return -1;
        }

        index = FixKeys.Count;
        FixKeys.Add((actionId, causeId));
        FixKb.Add(p);
        _fixes[(actionId, causeId)] = index;
        return index;
    }

    /// <summary>The index of the row P(· | cause) of the question.</summary>
    public int AnswerIndex(string questionId, string causeId)
    {
        if (_answers.TryGetValue((questionId, causeId), out var index))
        {
            return index;
        }

        var question = Kb.Questions[questionId];
        var answers = question.Answers.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        index = AnswerKeys.Count;
        AnswerKeys.Add((questionId, causeId));
        AnswerIds.Add(answers.Select(a => a.Id).ToArray());
        AnswerKb.Add(answers.Select(a => a.P(causeId)).ToArray());
        _answers[(questionId, causeId)] = index;
        return index;
    }
}
