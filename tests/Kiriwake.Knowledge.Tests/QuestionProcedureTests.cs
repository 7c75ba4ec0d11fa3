using Kiriwake.Core.Knowledge;
using Kiriwake.Tests;

namespace Kiriwake.Knowledge.Tests;

/// <summary>The real knowledge base's questions that ask the person to enter a mode name its procedure.</summary>
public sealed class QuestionProcedureTests
{
    [Fact]
    public void Load_RealKnowledge_QuestionsAskingForAModeNameTheirProcedure()
    {
        var kb = KnowledgeLoader.Load(RepoPaths.Knowledge);

        Assert.Equal(ProcedureKind.Dfu, kb.Questions["q-dfu-detected"].Procedure);
        var unnamed = kb.Content.Questions
            .Where(q => q.Procedure is null && (q.Text.En.Contains("DFU", StringComparison.Ordinal)
                || q.Text.En.Contains("recovery mode", StringComparison.OrdinalIgnoreCase)
                || q.Text.En.Contains("force restart", StringComparison.OrdinalIgnoreCase)))
            .Select(q => q.Id).ToList();
        Assert.True(unnamed.Count == 0, "questions about a mode without procedure: " + string.Join(", ", unnamed));
    }
}
