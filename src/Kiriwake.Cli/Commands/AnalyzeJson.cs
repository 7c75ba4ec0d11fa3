using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Logs;

namespace Kiriwake.Cli.Commands;

/// <summary>The JSON form of `kiriwake analyze`: findings (code, message, symptoms, causes, line…) and the diagnosis start.</summary>
internal static class AnalyzeJson
{
    public static object From(string source, LogAnalysis analysis, DiagnosisStart start, KnowledgeBase knowledge, Language language) => new
    {
        source,
        formats = analysis.Formats,
        findings = analysis.Findings.Select(f => new
        {
            line = f.Line,
            column = f.Column,
            alsoAt = f.AlsoAt,
            kind = f.Kind,
            format = f.Format,
            domain = f.Domain,
            code = f.Code,
            message = f.Message,
            meaning = f.Meaning?.Get(language),
            symptoms = f.Symptoms,
            causes = f.Causes,
            confidence = f.Confidence,
            status = f.Status,
            excerpt = f.Excerpt,
        }),
        diagnosis = new
        {
            symptom = start.SymptomId,
            symptomTitle = start.SymptomId is { } id && knowledge.Symptoms.TryGetValue(id, out var symptom) ? symptom.Title.Get(language) : null,
            candidates = start.Candidates.Select(c => new { symptom = c.SymptomId, confidence = c.Confidence, weight = c.Weight, firstLine = c.FirstLine }),
            facts = start.Facts.Select(f => new { key = f.Key, value = f.Value, source = f.Source.Kind, origin = f.Source.Origin, detail = f.Detail }),
        },
    };
}
