using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Dto;

namespace Kiriwake.Knowledge.Reading;

internal sealed partial class KnowledgeReader
{
    private List<Cause> ReadCauses() =>
        Folder<CauseDto>("causes").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var category = Enum<CauseCategory>(dto.Category, scope, "category") ?? CauseCategory.Software;
            return Keep(
                new Cause(RequireId(dto.Id, scope), category, Text(dto.Title, scope, "title"), Text(dto.Explanation, scope, "explanation"), Texts(dto.HowToTell, scope, "howToTell")),
                scope);
        }).ToList();

    private List<Symptom> ReadSymptoms() =>
        Folder<SymptomDto>("symptoms").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var channel = Enum<SymptomChannel>(dto.Channel, scope, "channel") ?? SymptomChannel.General;
            var prior = (dto.Prior ?? []).Select(p =>
            {
                var (value, citation) = Cite(p, scope, $"prior of '{p.Cause}'");
                return new PriorEntry(p.Cause ?? string.Empty, value, citation);
            }).ToList();
            if (prior.Count == 0)
            {
                Problem(scope, "prior is empty");
            }

            var sum = prior.Sum(p => p.P);
            if (prior.Count > 0 && Math.Abs(sum - 1) > 1e-6)
            {
                Problem(scope, $"prior sums to {F(sum)}, not 1");
            }

            if (dto.Messages is null or { Count: 0 })
            {
                Problem(scope, "messages: a symptom needs at least one message that identifies it");
            }

            return Keep(
                new Symptom(
                    RequireId(dto.Id, scope),
                    channel,
                    Text(dto.Title, scope, "title"),
                    Text(dto.Description, scope, "description"),
                    Texts(dto.Messages, scope, "messages"),
                    prior,
                    Ids(dto.Actions),
                    Ids(dto.Questions),
                    Ids(dto.Escalations),
                    dto.AuthoredOrder),
                scope);
        }).ToList();
}
