using System.Globalization;
using System.Text;
using Kiriwake.Core.Learning;

namespace Kiriwake.Learning.Overlay;

/// <summary>
/// Writes an overlay as the files of an overlay folder (docs/learning.md "The overlay folder"): overlay.yaml
/// (how it was made, and every first step it changes), priors.yaml, fixes.yaml and answers.yaml. Same overlay, same
/// bytes: lists sorted by id, numbers in invariant culture, no time stamp.
/// </summary>
public static class OverlayYamlWriter
{
    public const string OverlayFile = "overlay.yaml";
    public const string PriorsFile = "priors.yaml";
    public const string FixesFile = "fixes.yaml";
    public const string AnswersFile = "answers.yaml";

    /// <summary>File name → content.</summary>
    public static IReadOnlyList<(string File, string Text)> Write(LearnedOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        return [(OverlayFile, Summary(overlay)), (PriorsFile, Priors(overlay)), (FixesFile, Fixes(overlay)), (AnswersFile, Answers(overlay))];
    }

    private static string Summary(LearnedOverlay overlay)
    {
        var s = overlay.Summary;
        var sb = new StringBuilder();
        sb.AppendLine("# Learned from closed cases by `kiriwake kb learn` (docs/learning.md). Only probabilities are learned:");
        sb.AppendLine("# gates, risks and costs stay those of the knowledge base.");
        sb.Append("format: ").AppendLine(OverlaySummary.FormatName);
        sb.Append("cases: ").AppendLine(Int(s.Cases));
        sb.Append("confirmedCases: ").AppendLine(Int(s.ConfirmedCases));
        sb.Append("notFixed: ").AppendLine(Int(s.NotFixed));
        sb.Append("notFixedConfirmed: ").AppendLine(Int(s.NotFixedConfirmed));
        sb.AppendLine("strength:");
        sb.Append("  prior: ").AppendLine(Num(s.PriorStrength));
        sb.Append("  fix: ").AppendLine(Num(s.FixStrength));
        sb.Append("  answers: ").AppendLine(Num(s.AnswerStrength));
        sb.Append("minCases: ").AppendLine(Int(s.MinCases));
        sb.Append("iterations: ").AppendLine(Int(s.Iterations));
        sb.Append("sweeps: ").AppendLine(Int(s.Sweeps));
        if (overlay.FirstStepChanges.Count == 0)
        {
            sb.AppendLine("firstStepChanges: []");
        }
        else
        {
            sb.AppendLine("firstStepChanges:");
            foreach (var c in overlay.FirstStepChanges)
            {
                sb.Append("  - symptom: ").AppendLine(Id(c.SymptomId));
                sb.Append("    before: ").AppendLine((c.Before is null ? "null" : Id(c.Before)));
                sb.Append("    after: ").AppendLine((c.After is null ? "null" : Id(c.After)));
            }
        }

        return sb.ToString();
    }

    private static string Priors(LearnedOverlay overlay)
    {
        var sb = new StringBuilder("# P(cause | symptom): p learned, was the knowledge base's value, cases behind it.\n");
        if (overlay.Priors.Count == 0)
        {
            return sb.AppendLine("[]").ToString();
        }

        foreach (var p in overlay.Priors)
        {
            sb.Append("- symptom: ").AppendLine(Id(p.SymptomId));
            sb.Append("  cases: ").AppendLine(Int(p.Cases));
            sb.AppendLine("  causes:");
            foreach (var c in p.Causes)
            {
                sb.Append("    - { cause: ").Append(Id(c.Id)).Append(", p: ").Append(Num(c.P)).Append(", was: ").Append(Num(c.Was)).AppendLine(" }");
            }
        }

        return sb.ToString();
    }

    private static string Fixes(LearnedOverlay overlay)
    {
        var sb = new StringBuilder("# P(the action fixes the fault | cause); cases: cases in which the action was tried, weight: the expected number of them with this cause.\n");
        if (overlay.Fixes.Count == 0)
        {
            return sb.AppendLine("[]").ToString();
        }

        foreach (var f in overlay.Fixes)
        {
            sb.Append("- { action: ").Append(Id(f.ActionId)).Append(", cause: ").Append(Id(f.CauseId)).Append(", p: ").Append(Num(f.P))
                .Append(", was: ").Append(Num(f.Was)).Append(", cases: ").Append(Int(f.Cases)).Append(", weight: ").Append(Num(f.Weight)).AppendLine(" }");
        }

        return sb.ToString();
    }

    private static string Answers(LearnedOverlay overlay)
    {
        var sb = new StringBuilder("# P(answer | cause) of a question, one row per cause; cases: cases in which the question was answered.\n");
        if (overlay.Answers.Count == 0)
        {
            return sb.AppendLine("[]").ToString();
        }

        foreach (var a in overlay.Answers)
        {
            sb.Append("- question: ").AppendLine(Id(a.QuestionId));
            sb.Append("  cause: ").AppendLine(Id(a.CauseId));
            sb.Append("  cases: ").AppendLine(Int(a.Cases));
            sb.Append("  weight: ").AppendLine(Num(a.Weight));
            sb.AppendLine("  answers:");
            foreach (var v in a.Answers)
            {
                sb.Append("    - { answer: ").Append(Id(v.Id)).Append(", p: ").Append(Num(v.P)).Append(", was: ").Append(Num(v.Was)).AppendLine(" }");
            }
        }

        return sb.ToString();
    }

    /// <summary>Ids quoted, so that an answer id such as yes or no stays text in every YAML reader.</summary>
    private static string Id(string id) => "\"" + id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Num(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);
}
