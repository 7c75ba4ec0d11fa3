namespace Kiriwake.Knowledge.Dto;

internal sealed class WordDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Word { get; set; }

    public double? Value { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public TextDto? Meaning { get; set; }
}
