using Kiriwake.Learning.Cases;

namespace Kiriwake.Learning.Tests.Cases;

public sealed class CaseFileParserTests
{
    private const string Report = """
        {
          "symptom": "restore-error-4013",
          "symptomTitle": "Error 4013",
          "outcome": "fixed",
          "resolvedBy": "force-restart",
          "transcript": [
            {
              "id": "q-device-detected",
              "kind": "question",
              "answer": "yes",
              "source": "person"
            },
            {
              "id": "force-restart",
              "kind": "action",
              "answer": "fixed",
              "source": "person"
            }
          ],
          "topCauses": []
        }
        """;

    [Fact]
    public void Parse_DiagnoseJsonReport_ReadsSymptomStepsAndOutcome()
    {
        var c = Assert.Single(CaseFileParser.Parse(Report, "r.json"));

        Assert.Equal("restore-error-4013", c.SymptomId);
        Assert.Equal([new CaseStep("q-device-detected", "yes"), new CaseStep("force-restart", "fixed")], c.Steps);
        Assert.Equal("fixed", c.Outcome);
        Assert.Null(c.ConfirmedCause);
        Assert.Equal("r.json:1", c.Where);
    }

    [Fact]
    public void Parse_JsonLinesExport_ReadsEachLineWithItsConfirmedCause()
    {
        var text = """
            {"symptom":"s","transcript":[{"id":"a","answer":"not-fixed"}],"outcome":"escalated","confirmedCause":"k1"}

            {"report":{"symptom":"s","transcript":[],"outcome":"fixed","resolvedBy":"b"},"confirmedCause":{"id":"k2"}}
            {"symptomId":"s","steps":[{"stepId":"q","answer":"no"}],"outcome":"in-progress"}
            """;

        var cases = CaseFileParser.Parse(text, "export.jsonl");

        Assert.Equal(3, cases.Count);
        Assert.Equal(("k1", 1), (cases[0].ConfirmedCause, cases[0].Line));
        Assert.Equal(("k2", 3), (cases[1].ConfirmedCause, cases[1].Line));
        Assert.Equal([new CaseStep("b", "fixed")], cases[1].Steps);
        Assert.False(cases[2].IsClosed);
    }

    [Fact]
    public void Parse_IdsWrittenByHandOrOtherTools_AreReadAsTheKnowledgeBaseWritesThem()
    {
        var text = """
            {"symptom":" Restore-Error-4013 ","transcript":[{"id":"Change_Cable","answer":"Not Fixed"},{"id":"FORCE-RESTART","answer":"FIXED"}],"outcome":"Fixed","confirmedCause":"Device_Temporary_Glitch"}
            """;

        var c = Assert.Single(CaseFileParser.Parse(text, "by-hand.json"));

        Assert.Equal("restore-error-4013", c.SymptomId);
        Assert.Equal([new CaseStep("change-cable", "not-fixed"), new CaseStep("force-restart", "fixed")], c.Steps);
        Assert.Equal(("fixed", "device-temporary-glitch"), (c.Outcome, c.ConfirmedCause));
        Assert.True(c.IsClosed);
    }

    [Fact]
    public void Parse_JsonLinesWithABrokenLine_NamesTheFileAndThatLine()
    {
        var text = "{\"symptom\":\"s\",\"transcript\":[]}\n{\"symptom\":\"s\",\"transcript\":[]}\n{\"symptom\": \"s\", \"transcript\": [\n";

        var ex = Assert.Throws<CaseFormatException>(() => CaseFileParser.Parse(text, "cases.jsonl"));

        Assert.StartsWith("cases.jsonl:3: not valid JSON", Assert.Single(ex.Problems), StringComparison.Ordinal);
        Assert.Contains("cases.jsonl:3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportWithAStepWithoutAnswer_NamesTheLineOfThatStep()
    {
        var text = Report.Replace("\"answer\": \"fixed\",", "\"answered\": \"fixed\",", StringComparison.Ordinal);

        var ex = Assert.Throws<CaseFormatException>(() => CaseFileParser.Parse(text, "r.json"));

        Assert.Equal("r.json:13: missing \"answer\"", Assert.Single(ex.Problems));
    }

    [Fact]
    public void Parse_WrongTypes_AreEachReportedWithTheirLine()
    {
        var text = """
            {"symptom": 4013, "transcript": []}
            {"symptom": "s", "transcript": "none"}
            {"symptom": "s", "transcript": [{"id": "a", "answer": true}], "confirmedCause": 3}
            ["not", "a", "case"]
            """;

        var ex = Assert.Throws<CaseFormatException>(() => CaseFileParser.Parse(text, "x.jsonl"));

        Assert.Contains("x.jsonl:1: \"symptom\" must be text", ex.Problems);
        Assert.Contains("x.jsonl:2: the transcript must be a list of {id, answer} steps", ex.Problems);
        Assert.Contains("x.jsonl:3: \"answer\" must be text", ex.Problems);
        Assert.Contains("x.jsonl:3: the confirmed cause must be a cause id (text)", ex.Problems);
        Assert.Contains("x.jsonl:4: expected one case (a JSON object) on this line", ex.Problems);
    }

    [Theory]
    [InlineData("", "empty.json:1: no case in this file")]
    [InlineData("PK\u0003\u0004 binary garbage", "zip.json:1: not valid JSON")]
    [InlineData("{\n  \"symptom\": \"s\",\n  \"transcript\": [\n    {\"id\": \"a\" \"answer\": \"x\"}\n  ]\n}", "bad.json:4: not valid JSON")]
    [InlineData("42", "num.json:1: expected a case report")]
    public void Parse_Garbage_GivesAClearErrorWithFileAndLine(string text, string expected)
    {
        var file = expected[..expected.IndexOf(':', StringComparison.Ordinal)];

        var ex = Assert.Throws<CaseFormatException>(() => CaseFileParser.Parse(text, file));

        Assert.StartsWith(expected, ex.Problems[0], StringComparison.Ordinal);
    }
}
