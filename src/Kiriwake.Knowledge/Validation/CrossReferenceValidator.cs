using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Reading;

namespace Kiriwake.Knowledge.Validation;

/// <summary>
/// Checks what no single entry can check alone: unique and resolvable ids, priors and answer likelihoods
/// summing to 1 for every cause, every cause of a symptom fixable by its steps or covered by its escalation, and every
/// coverage entry's <c>as:</c> agreeing with the kinds of its ids.
/// </summary>
internal sealed class CrossReferenceValidator
{
    private readonly KnowledgeContent _content;
    private readonly ProblemLog _log;
    private readonly HashSet<string> _causes;
    private readonly HashSet<string> _steps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _anyId = new(StringComparer.Ordinal);

    /// <summary>Ids of what the engine uses (coverage <c>as: data</c>); the rest of <see cref="_anyId"/> is text a person reads.</summary>
    private readonly HashSet<string> _dataIds = new(StringComparer.Ordinal);

    public CrossReferenceValidator(KnowledgeContent content, ProblemLog log)
    {
        _content = content;
        _log = log;
        _causes = Unique(content.Causes, c => c.Id, "cause");
        Unique(content.Symptoms, s => s.Id, "symptom");
        Unique(content.Checklists, c => c.Id, "checklist");
        Unique(content.Flows, f => f.Id, "flow");
        Unique(content.Faq, f => f.Id, "FAQ entry");
        Unique(content.Acceptance, a => a.Id, "acceptance criterion");
        Unique(content.Notes, n => n.Id, "note");
        Unique(content.CaseStudies, c => c.Id, "case study");
        Unique(content.Models, m => m.ProductType.ToUpperInvariant(), "model");
        Unique(content.ErrorCodes, c => $"{c.Domain}:{c.Code.ToString(CultureInfo.InvariantCulture)}", "error code");
        Unique(content.Procedures, p => $"{p.Kind}/{p.Family}", "procedure");

        // Actions, questions and escalations are all steps of a session: one namespace.
        foreach (var (record, id) in content.Actions.Select(a => ((object)a, a.Id))
                     .Concat(content.Questions.Select(q => ((object)q, q.Id)))
                     .Concat(content.Escalations.Select(e => ((object)e, e.Id))))
        {
            if (!_steps.Add(id))
            {
                _log.At(record, id, $"duplicate step id '{id}' (actions, questions and escalations share ids)");
            }
        }

        _dataIds.UnionWith(_causes);
        _dataIds.UnionWith(_steps);
        _dataIds.UnionWith(content.Symptoms.Select(s => s.Id));
        _dataIds.UnionWith(content.Flows.Select(f => f.Id));
        _dataIds.UnionWith(content.ErrorCodes.Select(c => $"{EnumNames.ToKebab(c.Domain)}:{c.Code.ToString(CultureInfo.InvariantCulture)}"));
        _dataIds.UnionWith(content.Procedures.Select(p => EnumNames.ToKebab(p.Kind)));
        _anyId.UnionWith(_dataIds);
        _anyId.UnionWith(content.Checklists.Select(c => c.Id));
        _anyId.UnionWith(content.Checklists.SelectMany(c => c.Items.Select(i => $"{c.Id}/{i.Id}")));
        _anyId.UnionWith(content.Faq.Select(f => f.Id));
        _anyId.UnionWith(content.Acceptance.Select(a => a.Id));
        _anyId.UnionWith(content.Notes.Select(n => n.Id));
        _anyId.UnionWith(content.CaseStudies.Select(c => c.Id));
        _anyId.UnionWith(content.Words.Select(w => w.Id));
    }

    public void Validate()
    {
        ValidateSymptoms();
        ValidateActions();
        ValidateQuestions();
        ValidateEscalations();
        ValidateCodes();
        ValidateDocuments();
        ValidateEveryCauseIsResolvable();
    }

    private void ValidateSymptoms()
    {
        foreach (var symptom in _content.Symptoms)
        {
            foreach (var duplicate in symptom.Prior.GroupBy(p => p.CauseId, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                _log.At(symptom, symptom.Id, $"cause '{duplicate.Key}' appears twice in the prior");
            }

            RequireAll(symptom, symptom.Id, symptom.Prior.Select(p => p.CauseId), _causes, "cause");
            RequireAll(symptom, symptom.Id, symptom.ActionIds, _content.Actions.Select(a => a.Id), "action");
            RequireAll(symptom, symptom.Id, symptom.QuestionIds, _content.Questions.Select(q => q.Id), "question");
            RequireAll(symptom, symptom.Id, symptom.EscalationIds, _content.Escalations.Select(e => e.Id), "escalation");
            var own = symptom.ActionIds.Concat(symptom.QuestionIds).Concat(symptom.EscalationIds).ToHashSet(StringComparer.Ordinal);
            foreach (var step in symptom.AuthoredOrder ?? [])
            {
                if (!own.Contains(step))
                {
                    _log.At(symptom, symptom.Id, $"authoredOrder names '{step}', which is not one of this symptom's actions, questions or escalations");
                }
            }

            var actions = symptom.ActionIds.Select(id => _content.Actions.FirstOrDefault(a => a.Id == id)).OfType<TroubleshootingAction>().ToList();
            var escalations = symptom.EscalationIds.Select(id => _content.Escalations.FirstOrDefault(e => e.Id == id)).OfType<Escalation>().ToList();
            foreach (var prior in symptom.Prior.Where(p => p.P > 0))
            {
                var fixable = actions.Any(a => a.Fixes.Any(f => f.CauseId == prior.CauseId && f.P > 0));
                var covered = escalations.Any(e => e.Covers.Count == 0 || e.Covers.Contains(prior.CauseId, StringComparer.Ordinal));
                if (!fixable && !covered)
                {
                    _log.At(symptom, symptom.Id, $"cause '{prior.CauseId}' is nothing this symptom's actions can fix and no escalation of it covers");
                }
            }
        }
    }

    private void ValidateActions()
    {
        foreach (var action in _content.Actions)
        {
            RequireAll(action, action.Id, action.Fixes.Select(f => f.CauseId), _causes, "cause");
            if (action.Procedure is { } kind && _content.Procedures.All(p => p.Kind != kind))
            {
                _log.At(action, action.Id, $"procedure '{EnumNames.ToKebab(kind)}' has no steps in procedures/");
            }
        }
    }

    private void ValidateQuestions()
    {
        foreach (var question in _content.Questions)
        {
            if (question.Procedure is { } kind && _content.Procedures.All(p => p.Kind != kind))
            {
                _log.At(question, question.Id, $"procedure '{EnumNames.ToKebab(kind)}' has no steps in procedures/");
            }

            foreach (var answer in question.Answers)
            {
                RequireAll(question, question.Id, answer.Likelihood.Keys, _causes, "cause");
            }

            if (question.Answers.Count == 0)
            {
                continue;
            }

            foreach (var cause in _causes.Order(StringComparer.Ordinal))
            {
                var sum = question.Answers.Sum(a => a.P(cause));
                if (Math.Abs(sum - 1) > 1e-6)
                {
                    _log.At(question, question.Id, $"answer likelihoods for cause '{cause}' sum to {sum.ToString("0.###", CultureInfo.InvariantCulture)}, not 1");
                }
            }
        }
    }

    private void ValidateEscalations()
    {
        foreach (var escalation in _content.Escalations)
        {
            RequireAll(escalation, escalation.Id, escalation.Covers, _causes, "cause");
        }
    }

    private void ValidateCodes()
    {
        foreach (var code in _content.ErrorCodes)
        {
            var id = $"{EnumNames.ToKebab(code.Domain)}:{code.Code.ToString(CultureInfo.InvariantCulture)}";
            RequireAll(code, id, code.SymptomIds, _content.Symptoms.Select(s => s.Id), "symptom");
            RequireAll(code, id, code.CauseIds, _causes, "cause");
            RequireAll(code, id, code.FirstSteps, _steps, "step");
        }
    }

    private void ValidateDocuments()
    {
        foreach (var checklist in _content.Checklists)
        {
            RequireAll(checklist, checklist.Id, checklist.Items.Select(i => i.Ref).OfType<string>(), _anyId, "reference");
        }

        foreach (var flow in _content.Flows)
        {
            RequireAll(flow, flow.Id, flow.Nodes.Select(n => n.Ref).OfType<string>(), _anyId, "reference");
        }

        foreach (var faq in _content.Faq)
        {
            RequireAll(faq, faq.Id, faq.Related, _anyId, "related id");
        }

        foreach (var criterion in _content.Acceptance)
        {
            RequireAll(criterion, criterion.Id, criterion.SymptomIds, _content.Symptoms.Select(s => s.Id), "symptom");
        }

        foreach (var note in _content.Notes)
        {
            RequireAll(note, note.Id, note.Steps, _steps, "step");
        }

        foreach (var criterion in _content.Acceptance)
        {
            RequireAll(criterion, criterion.Id, criterion.FixedBy.Concat(criterion.Tried), _steps, "step");
        }

        foreach (var study in _content.CaseStudies)
        {
            RequireAll(study, study.Id, [study.SymptomId], _content.Symptoms.Select(s => s.Id), "symptom");
            RequireAll(study, study.Id, [study.TrueCause], _causes, "cause");
            RequireAll(study, study.Id, study.Answers.Keys, _steps, "step");
        }

        foreach (var entry in _content.Coverage)
        {
            var at = $"{entry.Document}:{entry.Line.ToString(CultureInfo.InvariantCulture)}";
            RequireAll(entry, at, entry.Ids, _anyId, "id");
            var isData = entry.Ids.Any(_dataIds.Contains);
            if (entry.As == ModelledAs.Data && !isData && entry.Ids.All(_anyId.Contains))
            {
                _log.At(entry, at, "as: data, but every id is text only (checklist, FAQ, note, case study or acceptance criterion): write as: text with a why, or add the data id that models the heading");
            }
            else if (entry.As == ModelledAs.Text && isData)
            {
                _log.At(entry, at, $"as: text, but '{entry.Ids.First(_dataIds.Contains)}' is data the engine uses: write as: data");
            }
        }
    }

    private void ValidateEveryCauseIsResolvable()
    {
        var coversAll = _content.Escalations.Any(e => e.Covers.Count == 0);
        foreach (var cause in _content.Causes)
        {
            var fixable = _content.Actions.Any(a => a.Fixes.Any(f => f.CauseId == cause.Id && f.P > 0));
            var covered = coversAll || _content.Escalations.Any(e => e.Covers.Contains(cause.Id, StringComparer.Ordinal));
            if (!fixable && !covered)
            {
                _log.At(cause, cause.Id, "no action can fix this cause and no escalation covers it");
            }
        }
    }

    private void RequireAll(object record, string id, IEnumerable<string> references, IEnumerable<string> known, string kind)
    {
        var set = known as ISet<string> ?? known.ToHashSet(StringComparer.Ordinal);
        foreach (var reference in references.Where(r => !set.Contains(r)))
        {
            _log.At(record, id, $"unknown {kind} '{reference}'");
        }
    }

    private HashSet<string> Unique<T>(IEnumerable<T> records, Func<T, string> key, string kind)
        where T : notnull
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var id = key(record);
            if (!seen.Add(id))
            {
                _log.At(record, id, $"duplicate {kind} id '{id}'");
            }
        }

        return seen;
    }
}
