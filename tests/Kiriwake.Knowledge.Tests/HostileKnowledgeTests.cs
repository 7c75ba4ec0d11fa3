using Kiriwake.Tests;

namespace Kiriwake.Knowledge.Tests;

/// <summary>Issue 14, items 2, 7, 10 and 12: a knowledge folder that attacks the reader gets lint problems, never a crash.</summary>
public sealed class HostileKnowledgeTests
{
    [Fact]
    public void Lint_DuplicateKeyInOneEntry_IsAProblemWithFileAndLine()
    {
        using var kb = new MiniKnowledge();
        kb.Replace("actions/test.yaml", "  cost: 5\n", "  cost: 5\n  cost: 50\n");

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Contains("actions/test.yaml:5: duplicate key 'cost' (first at line 4); YAML would keep only the last value", problems);
    }

    [Fact]
    public void Lint_HundredThousandNestedBrackets_IsAProblemNotAStackOverflow()
    {
        using var kb = new MiniKnowledge();
        kb.Write("causes/deep.yaml", "- id: deep\n  title: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("causes/deep.yaml:2: YAML nests too deep", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_DeepBlockNesting_IsAProblem()
    {
        using var kb = new MiniKnowledge();
        kb.Write("causes/deep.yaml", "- id: deep\n  title: " + string.Concat(Enumerable.Repeat("- ", 50_000)) + "x\n");

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.Contains("nests too deep", StringComparison.Ordinal) || p.Contains("YAML:", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_YamlLinkedToDevZeroAndALinkLoop_AreProblemsOfThoseFiles()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // /dev/zero and symbolic links as a user creates them are Unix things.
        }

        using var kb = new MiniKnowledge();
        File.CreateSymbolicLink(Path.Combine(kb.Root, "causes", "zero.yaml"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(kb.Root, "causes", "loop.yaml"), Path.Combine(kb.Root, "causes", "loop.yaml"));

        var problems = KnowledgeLoader.Lint(kb.Root).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("causes/zero.yaml:1: cannot read the file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("causes/loop.yaml:1: cannot read the file", StringComparison.Ordinal));
    }
}
