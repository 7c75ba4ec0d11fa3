using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Mermaid;
using Kiriwake.Tests;
using Xunit.Abstractions;

namespace Kiriwake.Knowledge.Tests;

/// <summary>The real knowledge/ folder: it loads clean, covers every heading of both seeds, and is complete in both languages.</summary>
public sealed class RealKnowledgeTests(ITestOutputHelper output)
{
    private static readonly Lazy<KnowledgeBase> s_knowledge = new(() => KnowledgeLoader.Load(RepoPaths.Knowledge));

    [Fact]
    public void Lint_RealKnowledgeFolder_ReportsNoProblem()
    {
        var problems = KnowledgeLoader.Lint(RepoPaths.Knowledge);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [SharedFact]
    public void Coverage_EveryHeadingOfBothSeeds_IsMappedToExistingIds()
    {
        var headings = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "seed-headings.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (Document: p[0], Line: int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), Heading: p[2]))
            .ToList();
        var coverage = s_knowledge.Value.Content.Coverage;
        var missing = new List<string>();
        foreach (var (document, line, heading) in headings)
        {
            var seedLine = File.ReadAllLines(RepoPaths.Seed(document))[line - 1];
            Assert.Contains(heading, seedLine, StringComparison.Ordinal);
            var entry = coverage.FirstOrDefault(c => c.Document == document && c.Line == line);
            if (entry is null || entry.Ids.Count == 0)
            {
                missing.Add($"{document}:{line} {heading}");
            }
            else
            {
                Assert.Equal(heading, entry.Heading);
            }
        }

        Assert.True(missing.Count == 0, "unmapped headings:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        Assert.Equal(146, headings.Count);
    }

    [Fact]
    public void Coverage_EveryEntry_SaysHowTheHeadingIsModelledAndWhyWhenText()
    {
        var coverage = s_knowledge.Value.Content.Coverage;

        // as: must agree with the kinds of the ids; the loader's check points at file:line.
        var disagreements = KnowledgeLoader.Lint(RepoPaths.Knowledge).Where(p => p.File.StartsWith("coverage/", StringComparison.Ordinal)).ToList();
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        var unexplained = coverage.Where(c => c.As == ModelledAs.Text && string.IsNullOrWhiteSpace(c.Why)).Select(c => $"{c.Document}:{c.Line} {c.Heading}: as: text without why:").ToList();
        Assert.True(unexplained.Count == 0, string.Join(Environment.NewLine, unexplained));

        // The counts are recorded in SCHEMA.md; a change to the map must update them there.
        var counts = coverage.GroupBy(c => c.Document)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count(c => c.As == ModelledAs.Data)} data, {g.Count(c => c.As == ModelledAs.Text)} text")
            .ToList();
        foreach (var line in counts)
        {
            output.WriteLine(line);
        }

        var recorded = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "SCHEMA.md")), "Coverage counts: (?<counts>[^\\n]+)\\.").Groups["counts"].Value;
        Assert.Equal(string.Join("; ", counts), recorded);
    }

    [Fact]
    public void Procedures_EveryKindForEveryFamily_Exists()
    {
        var missing = from kind in Enum.GetValues<ProcedureKind>()
                      from family in Enum.GetValues<ButtonFamily>()
                      where s_knowledge.Value.FindProcedure(kind, family) is null
                      select $"{kind}/{family}";

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("iPhone8,4", ButtonFamily.IphoneHome)]
    [InlineData("iPhone9,3", ButtonFamily.Iphone7)]
    [InlineData("iPhone12,8", ButtonFamily.IphoneNoHome)]
    [InlineData("iPhone14,6", ButtonFamily.IphoneNoHome)]
    [InlineData("iPod9,1", ButtonFamily.Iphone7)]
    [InlineData("iPad7,11", ButtonFamily.IpadHome)]
    [InlineData("iPad8,1", ButtonFamily.IpadNoHome)]
    [InlineData("iPad12,1", ButtonFamily.IpadHome)]
    [InlineData("iPad13,1", ButtonFamily.IpadNoHome)]
    public void Models_ReferenceExamples_HaveTheReferenceFamily(string productType, ButtonFamily family)
    {
        Assert.Equal(family, s_knowledge.Value.Models[productType].Family);
    }

    [SharedFact]
    public void Flow4013_MermaidFile_IsTheSeedsTextAndRoundTrips()
    {
        var seed = File.ReadAllLines(RepoPaths.Seed("error-4013"));
        var start = Array.FindIndex(seed, l => l.Trim() == "flowchart TD");
        var seedText = string.Join("\n", seed[start..(start + 15)]).Replace("役割別チェックリスト", string.Empty, StringComparison.Ordinal) + "\n";
        var file = File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "flows", "restore-4013.mmd")).ReplaceLineEndings("\n");
        var flow = s_knowledge.Value.Flows["restore-4013"];

        Assert.Equal(seedText, file);
        Assert.Equal(seedText, MermaidFlowWriter.Write(flow, Language.Ja));
        Assert.Equal(12, flow.Nodes.Count);
    }

    [Theory]
    [InlineData("backup-failed-unknown")]
    [InlineData("restore-error-4013")]
    public void Symptom_WithTheDocumentsFixedOrder_CarriesItAsAuthoredOrder(string symptomId)
    {
        Assert.NotEmpty(s_knowledge.Value.Symptoms[symptomId].AuthoredOrder ?? []);
    }

    [Fact]
    public void Texts_EveryLocalizedTextInTheKnowledgeBase_HasJapaneseAndEnglish()
    {
        var texts = new List<LocalizedText>();
        Collect(s_knowledge.Value.Content, texts, new HashSet<object>(ReferenceEqualityComparer.Instance));

        Assert.True(texts.Count > 500, $"only {texts.Count} texts found");
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Ja) || string.IsNullOrWhiteSpace(t.En), $"incomplete text: '{t.Ja}' / '{t.En}'"));
        Assert.DoesNotContain(texts, t => Regex.IsMatch(t.En, @"[\p{IsHiragana}\p{IsKatakana}]"));
    }

    private static void Collect(object? value, List<LocalizedText> texts, HashSet<object> seen)
    {
        switch (value)
        {
            case null or string or ValueType:
                return;
            case LocalizedText text:
                texts.Add(text);
                return;
        }

        if (!seen.Add(value))
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (var item in dictionary.Values)
            {
                Collect(item, texts, seen);
            }

            return;
        }

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                Collect(item, texts, seen);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Collect(property.GetValue(value), texts, seen);
        }
    }
}
