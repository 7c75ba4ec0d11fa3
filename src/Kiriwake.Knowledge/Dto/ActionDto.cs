namespace Kiriwake.Knowledge.Dto;

internal sealed class ActionDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Title { get; set; }

    public TextDto? Why { get; set; }

    public double? Cost { get; set; }

    public double? RepairCost { get; set; }

    public string? Risk { get; set; }

    public List<string>? Gates { get; set; }

    public List<string>? After { get; set; }

    public string? Opens { get; set; }

    public string? Source { get; set; }

    public string? Procedure { get; set; }

    public List<InstructionDto>? Instructions { get; set; }

    public List<CitedProbabilityDto>? Fixes { get; set; }
}

internal sealed class InstructionDto : Lined
{
    public string? Platform { get; set; }

    public string? Family { get; set; }

    public List<TextDto>? Steps { get; set; }
}
