namespace Kiriwake.Knowledge.Dto;

internal sealed class EscalationDto : Lined
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public TextDto? Title { get; set; }

    public TextDto? Why { get; set; }

    public double? Cost { get; set; }

    public List<string>? Covers { get; set; }

    public List<TextDto>? Prepare { get; set; }
}
