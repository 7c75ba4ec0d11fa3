namespace Kiriwake.Knowledge.Dto;

internal sealed class ChecklistDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Title { get; set; }

    public TextDto? Purpose { get; set; }

    public List<ChecklistItemDto>? Items { get; set; }
}

internal sealed class ChecklistItemDto : Lined
{
    public string? Id { get; set; }

    public TextDto? Text { get; set; }

    public TextDto? Detail { get; set; }

    public string? Ref { get; set; }
}
