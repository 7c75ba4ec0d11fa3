namespace Kiriwake.Knowledge.Dto;

internal sealed class ProcedureDto : Lined
{
    public string? Kind { get; set; }

    public string? Family { get; set; }

    public TextDto? Title { get; set; }

    public List<ProcedureStepDto>? Steps { get; set; }

    public List<TextDto>? Warnings { get; set; }
}

internal sealed class ProcedureStepDto : Lined
{
    public TextDto? Text { get; set; }

    public double? Seconds { get; set; }

    public bool Approximate { get; set; }
}

internal sealed class ModelDto : Lined
{
    public string? ProductType { get; set; }

    public string? Name { get; set; }

    public string? Family { get; set; }
}
