namespace Kiriwake.Core.Knowledge;

/// <summary>The two languages every text a person reads exists in. Japanese first.</summary>
public enum Language
{
    Ja,
    En,
}
