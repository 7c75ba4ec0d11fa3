namespace Kiriwake.Knowledge.Dto;

internal sealed class SymptomDto : Lined
{
    public string? Id { get; set; }

    public string? Channel { get; set; }

    public TextDto? Title { get; set; }

    public TextDto? Description { get; set; }

    public List<TextDto>? Messages { get; set; }

    public List<CitedProbabilityDto>? Prior { get; set; }

    public List<string>? Actions { get; set; }

    public List<string>? Questions { get; set; }

    public List<string>? Escalations { get; set; }

    public List<string>? AuthoredOrder { get; set; }
}
