using System.Globalization;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Dto;

namespace Kiriwake.Knowledge.Reading;

/// <summary>
/// Turns the DTOs of one knowledge folder into Core records, recording every local problem (a missing text, an
/// unknown enum name, a probability outside [0, 1] or outside its word's band) instead of stopping at the first.
/// </summary>
internal sealed partial class KnowledgeReader
{
    private readonly string _root;
    private readonly ProblemLog _log;
    private readonly Dictionary<string, ProbabilityWord> _words = new(StringComparer.Ordinal);

    public KnowledgeReader(string root, ProblemLog log)
    {
        _root = root;
        _log = log;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public KnowledgeContent Read()
    {
        var words = ReadWords();
        return new KnowledgeContent(
            words,
            ReadCauses(),
            ReadSymptoms(),
            ReadActions(),
            ReadQuestions(),
            ReadEscalations(),
            ReadErrorCodes(),
            ReadErrorRanges(),
            ReadProcedures(),
            ReadModels(),
            ReadChecklists(),
            ReadFlows(),
            ReadFaq(),
            ReadAcceptance(),
            ReadNotes(),
            ReadCases(),
            ReadCoverage());
    }

    private List<(string File, T Entry)> Folder<T>(string folder) => YamlFiles.ReadFolder<T>(_root, folder, _log.Problems);

    private void Problem(Scope scope, string message) => _log.Add(scope.File, scope.Line, scope.Id, message);

    private T Keep<T>(T record, Scope scope)
        where T : notnull
    {
        _log.Remember(record, scope.File, scope.Line);
        return record;
    }

    private string RequireId(string? id, Scope scope)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(scope, "the entry has no id");
            return $"<missing id at line {scope.Line.ToString(CultureInfo.InvariantCulture)}>";
        }

        if (!IdPattern().IsMatch(id))
        {
            Problem(scope, $"id '{id}' is not lower-case kebab-case");
        }

        return id;
    }

    private LocalizedText Text(TextDto? dto, Scope scope, string field)
    {
        if (dto is null)
        {
            Problem(scope, $"{field}: the text is missing (ja and en)");
            return new LocalizedText(string.Empty, string.Empty);
        }

        var at = scope with { Line = dto.YamlLine == 0 ? scope.Line : dto.YamlLine };
        if (string.IsNullOrWhiteSpace(dto.Ja))
        {
            Problem(at, $"{field}: the Japanese text (ja) is missing");
        }

        if (string.IsNullOrWhiteSpace(dto.En))
        {
            Problem(at, $"{field}: the English text (en) is missing");
        }

        return new LocalizedText(dto.Ja?.Trim() ?? string.Empty, dto.En?.Trim() ?? string.Empty);
    }

    private LocalizedText? OptionalText(TextDto? dto, Scope scope, string field) =>
        dto is null ? null : Text(dto, scope, field);

    private List<LocalizedText> Texts(List<TextDto>? dtos, Scope scope, string field) =>
        (dtos ?? []).Select((t, i) => Text(t, scope, $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]")).ToList();

    private TEnum? Enum<TEnum>(string? value, Scope scope, string field)
        where TEnum : struct, Enum
    {
        if (EnumNames.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Problem(scope, value is null
            ? $"{field} is missing (one of: {EnumNames.Allowed<TEnum>()})"
            : $"{field} '{value}' is not one of: {EnumNames.Allowed<TEnum>()}");
        return null;
    }

    private void CheckProbability(double p, Scope scope, string what)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            Problem(scope, $"{what}: probability {p.ToString(CultureInfo.InvariantCulture)} is outside [0, 1]");
        }
    }

    private double Positive(double? value, Scope scope, string field, bool allowZero = false)
    {
        if (value is null)
        {
            Problem(scope, $"{field} is missing");
            return 0;
        }

        if (double.IsNaN(value.Value) || value.Value < 0 || (!allowZero && value.Value == 0))
        {
            Problem(scope, $"{field} must be {(allowZero ? "≥ 0" : "> 0")}, not {value.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        return value.Value;
    }

    private static List<string> Ids(List<string>? ids) => ids ?? [];
}
