using System.Reflection;
using Kiriwake.Cli.Commands;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Tests.Device;

public sealed class DeviceUiTextTests
{
    [Fact]
    public void DeviceUiText_EveryText_JapaneseAndEnglishWithSamePlaceholders()
    {
        var texts = typeof(DeviceUiText).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (f.Name, Text: (LocalizedText)f.GetValue(null)!))
            .ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Text.Ja), t.Name);
            Assert.False(string.IsNullOrWhiteSpace(t.Text.En), t.Name);
            Assert.Equal(Placeholders(t.Text.Ja), Placeholders(t.Text.En));
        });
    }

    private static string[] Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();
}
