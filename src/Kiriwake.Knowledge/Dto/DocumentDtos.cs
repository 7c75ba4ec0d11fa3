namespace Kiriwake.Knowledge.Dto;

internal sealed class FaqDto : Lined
{
    public string? Id { get; set; }

    public string? Document { get; set; }

    public TextDto? Question { get; set; }

    public TextDto? Answer { get; set; }

    public List<string>? Related { get; set; }
}

internal sealed class AcceptanceDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Text { get; set; }

    public List<string>? Symptoms { get; set; }

    public List<string>? FixedBy { get; set; }

    public List<string>? Tried { get; set; }
}

internal sealed class NoteDto : Lined
{
    public string? Id { get; set; }

    public List<string>? Steps { get; set; }

    public List<string>? When { get; set; }

    public TextDto? Title { get; set; }

    public TextDto? Text { get; set; }
}

internal sealed class CaseDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Title { get; set; }

    public string? Symptom { get; set; }

    public string? Cause { get; set; }

    public Dictionary<string, string>? Answers { get; set; }

    public TextDto? Outcome { get; set; }
}

internal sealed class CoverageDto : Lined
{
    public string? Document { get; set; }

    public int? Line { get; set; }

    public string? Heading { get; set; }

    public List<string>? Ids { get; set; }

    public string? As { get; set; }

    public string? Why { get; set; }
}
