namespace Kiriwake.Knowledge.Dto;

internal sealed class QuestionDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Text { get; set; }

    public TextDto? Why { get; set; }

    public double? Cost { get; set; }

    public FactBindingDto? Fact { get; set; }

    public string? Procedure { get; set; }

    public List<AnswerDto>? Answers { get; set; }
}

internal sealed class AnswerDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Text { get; set; }

    public Dictionary<string, double>? Given { get; set; }

    public double? Otherwise { get; set; }

    public List<string>? RulesOut { get; set; }

    public List<string>? Opens { get; set; }
}

internal sealed class FactBindingDto : Lined
{
    public string? Key { get; set; }

    public Dictionary<string, string>? Answers { get; set; }
}
