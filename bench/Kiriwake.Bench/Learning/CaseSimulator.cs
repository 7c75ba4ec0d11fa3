using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Learning.Cases;

namespace Kiriwake.Bench.Learning;

/// <summary>
/// Closed cases as a person at home produces them: the fault drawn from the truth's prior, the steps the deployed
/// engine proposes (planned on what it currently believes), each answer drawn from the truth's P(answer | cause) and
/// each action fixing the fault with the truth's P(fix | cause). Optionally a share of cases gets its cause confirmed,
/// as a technician would: a share of all cases, or a share of the cases that were not fixed by the person (escalated or
/// unresolved: the ones a technician sees).
/// </summary>
internal sealed class CaseSimulator(CompiledModel truth, Random rng, double confirmedShare, double escalatedConfirmedShare = 0)
{
    private readonly double[] _prior = truth.Source.Causes.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Prior).ToArray();

    public ClosedCase Next(EnginePolicy planner, int number)
    {
        var cause = Draw(_prior);
        var causeId = truth.CauseIds[cause];
        var model = planner.Model;
        var state = model.Start();
        var steps = new List<CaseStep>();
        var outcome = "unresolved";
        while (planner.Choose(state) is { } step)
        {
            if (step.Kind == StepKind.Question)
            {
                var question = truth.Questions[step.Index];
                var ids = truth.AnswerIds[step.Index];
                var p = ids.Select(id => question.Answers.First(a => a.Id == id).P(causeId)).ToArray();
                var answer = Draw(p);
                steps.Add(new CaseStep(question.Id, ids[answer]));
                state = state.AfterAnswer(step.Index, answer);
            }
            else if (step.Kind == StepKind.Action && !model.Actions[step.Index].IsEscalation)
            {
                var fixedIt = rng.NextDouble() < truth.Actions[step.Index].FixProbability(causeId);
                steps.Add(new CaseStep(model.ActionIds[step.Index], fixedIt ? StepAnswers.Fixed : StepAnswers.NotFixed));
                if (fixedIt)
                {
                    outcome = "fixed";
                    break;
                }

                state = state.AfterFailure(step.Index);
            }
            else
            {
                steps.Add(new CaseStep(model.Describe(step).Id, StepAnswers.Escalated));
                outcome = "escalated";
                break;
            }
        }

        // Drawn for every case whatever the options, so that the cases' stream is the same with and without confirmation.
        var u = rng.NextDouble();
        var confirmed = u < confirmedShare || (outcome != "fixed" && u < escalatedConfirmedShare) ? causeId : null;
        return new ClosedCase("simulated", number, truth.Source.Id, steps, confirmed, outcome);
    }

    private int Draw(IReadOnlyList<double> p)
    {
        var u = rng.NextDouble() * p.Sum();
        for (var i = 0; i < p.Count; i++)
        {
            u -= p[i];
            if (u < 0)
            {
                return i;
            }
        }

        return p.Count - 1;
    }

    public static string Id(int n) => n.ToString(CultureInfo.InvariantCulture);
}
