using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Dto;

namespace Kiriwake.Knowledge.Reading;

internal sealed partial class KnowledgeReader
{
    private List<ProbabilityWord> ReadWords()
    {
        var result = new List<ProbabilityWord>();
        foreach (var (file, dto) in Folder<WordDto>("words"))
        {
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var id = RequireId(dto.Id, scope);
            var value = dto.Value ?? double.NaN;
            var min = dto.Min ?? 0;
            var max = dto.Max ?? 1;
            if (dto.Value is null)
            {
                Problem(scope, "value is missing");
            }

            CheckProbability(value, scope, "value");
            CheckProbability(min, scope, "min");
            CheckProbability(max, scope, "max");
            if (!(min <= value && value <= max))
            {
                Problem(scope, $"value {F(value)} is not within its band [{F(min)}, {F(max)}]");
            }

            var word = Keep(new ProbabilityWord(id, Text(dto.Word, scope, "word"), value, min, max, Text(dto.Meaning, scope, "meaning")), scope);
            if (!_words.TryAdd(id, word))
            {
                Problem(scope, $"duplicate word id '{id}'");
            }

            result.Add(word);
        }

        return result;
    }

    /// <summary>A cited probability: its word must exist and the number must lie in the word's band.</summary>
    private (double P, Citation Citation) Cite(CitedProbabilityDto dto, Scope scope, string what)
    {
        var at = scope with { Line = dto.YamlLine == 0 ? scope.Line : dto.YamlLine };
        if (string.IsNullOrWhiteSpace(dto.Word))
        {
            Problem(at, $"{what}: no word cited (add word: <id of words/>)");
            var bare = dto.P ?? double.NaN;
            CheckProbability(bare, at, what);
            return (bare, new Citation(string.Empty, dto.Quote));
        }

        if (!_words.TryGetValue(dto.Word, out var word))
        {
            Problem(at, $"{what}: unknown word '{dto.Word}'");
            var unknown = dto.P ?? double.NaN;
            CheckProbability(unknown, at, what);
            return (unknown, new Citation(dto.Word, dto.Quote));
        }

        var p = dto.P ?? word.Value;
        CheckProbability(p, at, what);
        if (p < word.Min - 1e-12 || p > word.Max + 1e-12)
        {
            Problem(at, $"{what}: {F(p)} is outside the band of '{word.Id}' [{F(word.Min)}, {F(word.Max)}]");
        }

        return (p, new Citation(word.Id, string.IsNullOrWhiteSpace(dto.Quote) ? null : dto.Quote.Trim()));
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
