namespace Kiriwake.Knowledge.Reading;

/// <summary>Collects problems and remembers where each record came from, so later checks can point at file and line.</summary>
internal sealed class ProblemLog
{
    private readonly Dictionary<object, (string File, int Line)> _locations = new(ReferenceEqualityComparer.Instance);

    public List<KnowledgeProblem> Problems { get; } = [];

    public void Add(string file, int line, string? id, string message) =>
        Problems.Add(new KnowledgeProblem(file, line, id, message));

    public void Remember(object record, string file, int line) => _locations[record] = (file, line);

    public void At(object record, string? id, string message)
    {
        var (file, line) = _locations.TryGetValue(record, out var location) ? location : ("?", 0);
        Add(file, line, id, message);
    }
}
