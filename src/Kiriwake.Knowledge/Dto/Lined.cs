using YamlDotNet.Serialization;

namespace Kiriwake.Knowledge.Dto;

/// <summary>A YAML entry that remembers the line it started on (set by the line-tracking deserializer).</summary>
internal abstract class Lined
{
    [YamlIgnore]
    public int YamlLine { get; set; }
}

internal sealed class TextDto : Lined
{
    public string? Ja { get; set; }

    public string? En { get; set; }
}

/// <summary>A probability for a cause, with the word of the table it cites and the seed sentence.</summary>
internal sealed class CitedProbabilityDto : Lined
{
    public string? Cause { get; set; }

    public double? P { get; set; }

    public string? Word { get; set; }

    public string? Quote { get; set; }
}
