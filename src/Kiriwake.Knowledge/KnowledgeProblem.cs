namespace Kiriwake.Knowledge;

/// <summary>One problem in the knowledge folder, located by file (relative to the folder), line and id.</summary>
public sealed record KnowledgeProblem(string File, int Line, string? Id, string Message)
{
    public override string ToString() =>
        Id is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: [{Id}] {Message}";
}
