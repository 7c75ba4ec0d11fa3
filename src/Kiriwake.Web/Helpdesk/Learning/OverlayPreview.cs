using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Kiriwake.Learning;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>
/// What an overlay would change, per symptom: the first step before and after, the biggest moves of the prior and of
/// P(fix | cause) of the symptom's actions, each with the number of cases behind it. For the admin page.
/// </summary>
public static class OverlayPreview
{
    public const int MovesShown = 3;

    public static IReadOnlyList<SymptomPreview> Of(KnowledgeBase kb, LearnedOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(overlay);
        var learned = OverlayApplier.Apply(kb, overlay);
        var previews = new List<SymptomPreview>();
        foreach (var symptom in kb.Content.Symptoms.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var causes = symptom.Prior.Select(p => p.CauseId).ToHashSet(StringComparer.Ordinal);
            var prior = overlay.Priors.FirstOrDefault(p => p.SymptomId == symptom.Id);
            var priorMoves = (prior?.Causes ?? [])
                .Select(c => new Move(null, c.Id, c.Was, c.P, prior!.Cases))
                .Where(m => Math.Abs(m.After - m.Before) >= 0.0005)
                .OrderByDescending(m => Math.Abs(m.After - m.Before)).ThenBy(m => m.CauseId, StringComparer.Ordinal)
                .Take(MovesShown).ToArray();
            var fixMoves = overlay.Fixes
                .Where(f => symptom.ActionIds.Contains(f.ActionId, StringComparer.Ordinal) && causes.Contains(f.CauseId))
                .Select(f => new Move(f.ActionId, f.CauseId, f.Was, f.P, f.Cases))
                .Where(m => Math.Abs(m.After - m.Before) >= 0.0005)
                .OrderByDescending(m => Math.Abs(m.After - m.Before)).ThenBy(m => m.StepId, StringComparer.Ordinal).ThenBy(m => m.CauseId, StringComparer.Ordinal)
                .Take(MovesShown).ToArray();
            var answersMoved = overlay.Answers.Count(a => symptom.QuestionIds.Contains(a.QuestionId, StringComparer.Ordinal) && causes.Contains(a.CauseId));
            var before = FirstSteps.Of(kb, symptom.Id);
            var after = FirstSteps.Of(learned, symptom.Id);
            if (prior is null && fixMoves.Length == 0 && answersMoved == 0 && before == after)
            {
                continue;
            }

            previews.Add(new SymptomPreview(symptom.Id, prior?.Cases ?? 0, before, after, priorMoves, fixMoves, answersMoved));
        }

        return previews;
    }
}

/// <param name="Cases">Closed cases of the symptom behind its prior (0 when its prior did not move).</param>
/// <param name="AnswerRowsMoved">Rows of P(answer | cause) of the symptom's questions that moved.</param>
public sealed record SymptomPreview(
    string SymptomId,
    int Cases,
    string? FirstStepBefore,
    string? FirstStepAfter,
    IReadOnlyList<Move> PriorMoves,
    IReadOnlyList<Move> FixMoves,
    int AnswerRowsMoved)
{
    public bool FirstStepChanges => FirstStepBefore != FirstStepAfter;
}

/// <summary>A probability that moves: of a cause (StepId null: the symptom's prior) or of an action fixing a cause.</summary>
public sealed record Move(string? StepId, string CauseId, double Before, double After, int Cases);
