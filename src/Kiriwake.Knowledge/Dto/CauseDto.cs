namespace Kiriwake.Knowledge.Dto;

internal sealed class CauseDto : Lined
{
    public string? Id { get; set; }

    public string? Category { get; set; }

    public TextDto? Title { get; set; }

    public TextDto? Explanation { get; set; }

    public List<TextDto>? HowToTell { get; set; }
}
