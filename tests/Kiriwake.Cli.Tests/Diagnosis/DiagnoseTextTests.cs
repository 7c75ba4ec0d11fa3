using System.Reflection;
using Kiriwake.Cli.Commands;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Tests.Diagnosis;

public sealed class DiagnoseTextTests
{
    [Theory]
    [InlineData(typeof(DiagnoseText))]
    [InlineData(typeof(EvalText))]
    public void Texts_EveryOne_HasJapaneseAndEnglish(Type holder)
    {
        var texts = holder.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (f.Name, Text: (LocalizedText)f.GetValue(null)!)).ToArray();

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Text.Ja) || string.IsNullOrWhiteSpace(t.Text.En), t.Name));
        Assert.All(texts, t => Assert.Equal(t.Text.Ja.Count(c => c == '{'), t.Text.En.Count(c => c == '{')));
    }
}
