namespace Kiriwake.Knowledge.Dto;

internal sealed class ErrorCodeDto : Lined
{
    public int? Code { get; set; }

    public string? Domain { get; set; }

    public string? Class { get; set; }

    public TextDto? Meaning { get; set; }

    public List<TextDto>? Messages { get; set; }

    public List<string>? Symptoms { get; set; }

    public List<string>? Causes { get; set; }

    public List<string>? FirstSteps { get; set; }
}

internal sealed class ErrorRangeDto : Lined
{
    public int? From { get; set; }

    public int? To { get; set; }

    public string? Domain { get; set; }

    public string? Class { get; set; }

    public TextDto? Meaning { get; set; }
}
