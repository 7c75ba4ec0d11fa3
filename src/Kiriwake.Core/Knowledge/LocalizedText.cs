namespace Kiriwake.Core.Knowledge;

/// <summary>A text a person reads, in Japanese and English. Both are required by the loader.</summary>
public sealed record LocalizedText(string Ja, string En)
{
    public string Get(Language language) => language == Language.Ja ? Ja : En;

    public override string ToString() => Ja;
}
