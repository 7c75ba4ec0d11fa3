using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.Logs;

/// <summary>A <see cref="TextMatch"/> explained from the knowledge base (causes and first steps), for <c>explain</c> and the web app.</summary>
public static class TextExplanation
{
    public static Explanation Explain(this TextMatch match, KnowledgeBase knowledge, string query)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Explainer.Explain(
            knowledge,
            query,
            match.Codes.Select(c => c.Entry).OfType<ErrorCode>(),
            match.Symptoms.Select(s => (s.Symptom, s.Message, s.Confidence)),
            match.Codes.Where(c => c.Entry is null).DistinctBy(c => c.Code).Select(c => new UnknownCode(c.Code, c.Ranges)));
    }
}
