using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Tests.Conversation;

/// <summary>A question's <c>procedure:</c> (not its wording) decides which buttons are shown with it.</summary>
public sealed class QuestionProcedureTests
{
    private static StepViewBuilder Views(ProcedureKind? procedure)
    {
        var kb = ConversationKnowledge.Build();
        var q = new Question("q-dfu", new LocalizedText("DFUモードに入りましたか?", "Did the device enter DFU mode?"), new LocalizedText("切り分け", "To isolate"), 1,
            [
                new("yes", new LocalizedText("はい", "Yes"), new Dictionary<string, double>(), 0.5),
                new("no", new LocalizedText("いいえ", "No"), new Dictionary<string, double>(), 0.5),
            ], null) { Procedure = procedure };
        return new StepViewBuilder(new KnowledgeBase(kb.Content with { Questions = [.. kb.Content.Questions, q] }), Language.Ja);
    }

    [Fact]
    public void Instructions_QuestionWithDfuProcedure_TheFamilysDfuSteps()
    {
        var views = Views(ProcedureKind.Dfu);

        var block = Assert.Single(views.Instructions("q-dfu", new ConversationContext(Platform.MacosFinder, [Platform.MacosFinder], ButtonFamily.IphoneNoHome)));

        Assert.Equal("DFUモード", block.Heading);
        Assert.Equal(["サイドボタンを押し続ける(10秒)"], block.Steps);
        Assert.True(views.NeedsFamily("q-dfu"));
    }

    [Fact]
    public void Instructions_QuestionMentioningDfuWithoutProcedure_NoButtons()
    {
        var views = Views(null);

        Assert.Empty(views.Instructions("q-dfu", new ConversationContext(Platform.MacosFinder, [Platform.MacosFinder], ButtonFamily.IphoneNoHome)));
        Assert.False(views.NeedsFamily("q-dfu"));
    }
}
