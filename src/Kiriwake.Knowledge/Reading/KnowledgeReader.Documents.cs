using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Dto;
using Kiriwake.Knowledge.Mermaid;

namespace Kiriwake.Knowledge.Reading;

internal sealed partial class KnowledgeReader
{
    private static readonly string[] s_documents = ["backup", "error-4013"];

    private List<Checklist> ReadChecklists() =>
        Folder<ChecklistDto>("checklists").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var items = (dto.Items ?? []).Select(i =>
            {
                var at = scope with { Line = i.YamlLine, Id = $"{dto.Id}/{i.Id}" };
                return new ChecklistItem(RequireId(i.Id, at), Text(i.Text, at, "text"), OptionalText(i.Detail, at, "detail"), i.Ref);
            }).ToList();
            if (items.Count == 0)
            {
                Problem(scope, "a checklist needs items");
            }

            foreach (var duplicate in items.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Problem(scope, $"duplicate item id '{duplicate.Key}'");
            }

            return Keep(new Checklist(RequireId(dto.Id, scope), Text(dto.Title, scope, "title"), Text(dto.Purpose, scope, "purpose"), items), scope);
        }).ToList();

    private List<Flow> ReadFlows()
    {
        var result = new List<Flow>();
        foreach (var (file, dto) in Folder<FlowDto>("flows"))
        {
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var id = RequireId(dto.Id, scope);
            if (string.IsNullOrWhiteSpace(dto.Mermaid))
            {
                Problem(scope, "mermaid: the file with the flow's Mermaid text is missing");
                continue;
            }

            var mermaidFile = Path.Combine(Path.GetDirectoryName(Path.Combine(_root, file))!, dto.Mermaid);
            if (!File.Exists(mermaidFile))
            {
                Problem(scope, $"mermaid file '{dto.Mermaid}' does not exist");
                continue;
            }

            MermaidGraph graph;
            try
            {
                graph = MermaidFlowParser.Parse(File.ReadAllText(mermaidFile));
            }
            catch (FormatException ex)
            {
                Problem(scope with { File = Path.GetRelativePath(_root, mermaidFile).Replace('\\', '/') }, "Mermaid: " + ex.Message);
                continue;
            }

            result.Add(Keep(BuildFlow(id, dto, graph, scope), scope));
        }

        return result;
    }

    private Flow BuildFlow(string id, FlowDto dto, MermaidGraph graph, Scope scope)
    {
        var english = (dto.Nodes ?? []).ToDictionary(n => n.Id ?? string.Empty, StringComparer.Ordinal);
        var edgeLabels = (dto.Edges ?? []).ToDictionary(e => e.Label ?? string.Empty, e => e.En, StringComparer.Ordinal);
        var nodes = new List<FlowNode>();
        foreach (var node in graph.Nodes)
        {
            if (node.Label is null)
            {
                Problem(scope, $"a flow edge goes to node '{node.Id}', which the Mermaid text never defines");
                continue;
            }

            english.TryGetValue(node.Id, out var en);
            if (string.IsNullOrWhiteSpace(en?.En))
            {
                Problem(scope, $"node '{node.Id}' ({node.Label}) has no English label");
            }

            nodes.Add(new FlowNode(node.Id, node.IsDecision ? FlowNodeShape.Decision : FlowNodeShape.Process, new LocalizedText(node.Label, en?.En ?? string.Empty), en?.Ref));
        }

        foreach (var extra in english.Keys.Where(k => graph.Nodes.All(n => n.Id != k)))
        {
            Problem(scope, $"node '{extra}' is labelled but not in the Mermaid text");
        }

        var edges = graph.Edges.Select(e =>
        {
            LocalizedText? label = null;
            if (e.Label is not null)
            {
                if (!edgeLabels.TryGetValue(e.Label, out var en) || string.IsNullOrWhiteSpace(en))
                {
                    Problem(scope, $"edge label '{e.Label}' has no English translation");
                }

                label = new LocalizedText(e.Label, en ?? string.Empty);
            }

            return new FlowEdge(e.From, e.To, label);
        }).ToList();
        return new Flow(id, Text(dto.Title, scope, "title"), graph.Direction, nodes, edges);
    }

    private List<FaqEntry> ReadFaq() =>
        Folder<FaqDto>("faq").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            CheckDocument(dto.Document, scope);
            return Keep(new FaqEntry(RequireId(dto.Id, scope), dto.Document ?? string.Empty, Text(dto.Question, scope, "question"), Text(dto.Answer, scope, "answer"), Ids(dto.Related)), scope);
        }).ToList();

    private List<AcceptanceCriterion> ReadAcceptance() =>
        Folder<AcceptanceDto>("acceptance").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            return Keep(new AcceptanceCriterion(RequireId(dto.Id, scope), Text(dto.Text, scope, "text"), Ids(dto.Symptoms)) { FixedBy = Ids(dto.FixedBy), Tried = Ids(dto.Tried) }, scope);
        }).ToList();

    private List<Note> ReadNotes() =>
        Folder<NoteDto>("notes").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var when = Ids(dto.When);
            foreach (var w in when.Where(w => !Note.Occasions.Contains(w, StringComparer.Ordinal)))
            {
                Problem(scope, $"when '{w}' is not one of: {string.Join(" | ", Note.Occasions)}");
            }

            return Keep(new Note(RequireId(dto.Id, scope), Text(dto.Title, scope, "title"), Text(dto.Text, scope, "text")) { Steps = Ids(dto.Steps), When = when }, scope);
        }).ToList();

    private List<CaseStudy> ReadCases() =>
        Folder<CaseDto>("cases").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            return Keep(
                new CaseStudy(RequireId(dto.Id, scope), Text(dto.Title, scope, "title"), dto.Symptom ?? string.Empty, dto.Cause ?? string.Empty, dto.Answers ?? [], Text(dto.Outcome, scope, "outcome")),
                scope);
        }).ToList();

    private List<CoverageEntry> ReadCoverage() =>
        Folder<CoverageDto>("coverage").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, $"{dto.Document}:{dto.Line}");
            CheckDocument(dto.Document, scope);
            if (dto.Ids is null or { Count: 0 })
            {
                Problem(scope, $"heading '{dto.Heading}' is mapped to no id");
            }

            ModelledAs? modelledAs = null;
            if (dto.As is null)
            {
                Problem(scope, $"heading '{dto.Heading}' does not say how it is modelled: add as: data or as: text (with why:)");
            }
            else
            {
                modelledAs = Enum<ModelledAs>(dto.As, scope, "as");
            }

            var why = string.IsNullOrWhiteSpace(dto.Why) ? null : dto.Why.Trim();
            if (modelledAs == ModelledAs.Text && why is null)
            {
                Problem(scope, $"heading '{dto.Heading}' is modelled as text only: say why (why:)");
            }
            else if (modelledAs != ModelledAs.Text && why is not null)
            {
                Problem(scope, $"heading '{dto.Heading}' is not modelled as text: why: is only for as: text");
            }

            return Keep(
                new CoverageEntry(dto.Document ?? string.Empty, dto.Heading ?? string.Empty, Ids(dto.Ids)) { Line = dto.Line ?? 0, As = modelledAs ?? ModelledAs.Data, Why = why },
                scope);
        }).ToList();

    private void CheckDocument(string? document, Scope scope)
    {
        if (document is null || !s_documents.Contains(document, StringComparer.Ordinal))
        {
            Problem(scope, $"document '{document}' is not one of: {string.Join(", ", s_documents)}");
        }
    }
}
