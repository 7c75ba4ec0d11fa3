using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Dto;

namespace Kiriwake.Knowledge.Reading;

internal sealed partial class KnowledgeReader
{
    private List<ErrorCode> ReadErrorCodes() =>
        Folder<ErrorCodeDto>("error-codes").Select(entry =>
        {
            var (file, dto) = entry;
            var id = dto.Code is null ? null : $"{dto.Domain}:{dto.Code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            var scope = new Scope(file, dto.YamlLine, id);
            if (dto.Code is null)
            {
                Problem(scope, "code is missing");
            }

            if (string.IsNullOrWhiteSpace(dto.Class))
            {
                Problem(scope, "class is missing");
            }

            var domain = Enum<ErrorDomain>(dto.Domain, scope, "domain") ?? ErrorDomain.Restore;
            return Keep(
                new ErrorCode(dto.Code ?? 0, domain, dto.Class ?? string.Empty, Text(dto.Meaning, scope, "meaning"), Texts(dto.Messages, scope, "messages"), Ids(dto.Symptoms), Ids(dto.Causes), Ids(dto.FirstSteps)),
                scope);
        }).ToList();

    private List<ErrorCodeRange> ReadErrorRanges() =>
        Folder<ErrorRangeDto>("error-ranges").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Class);
            if (dto.From is null || dto.To is null || dto.From > dto.To)
            {
                Problem(scope, "a range needs from ≤ to");
            }

            var domain = Enum<ErrorDomain>(dto.Domain, scope, "domain") ?? ErrorDomain.Restore;
            return Keep(new ErrorCodeRange(dto.From ?? 0, dto.To ?? 0, domain, dto.Class ?? string.Empty, Text(dto.Meaning, scope, "meaning")), scope);
        }).ToList();

    private List<Procedure> ReadProcedures() =>
        Folder<ProcedureDto>("procedures").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, $"{dto.Kind}/{dto.Family}");
            var kind = Enum<ProcedureKind>(dto.Kind, scope, "kind") ?? ProcedureKind.ForceRestart;
            var family = Enum<ButtonFamily>(dto.Family, scope, "family") ?? ButtonFamily.IphoneNoHome;
            var steps = (dto.Steps ?? []).Select(s =>
            {
                var at = scope with { Line = s.YamlLine };
                if (s.Seconds is < 0)
                {
                    Problem(at, "seconds must not be negative");
                }

                return new ProcedureStep(Text(s.Text, at, "step"), s.Seconds, s.Approximate);
            }).ToList();
            if (steps.Count == 0)
            {
                Problem(scope, "a procedure needs steps");
            }

            return Keep(new Procedure(kind, family, Text(dto.Title, scope, "title"), steps, Texts(dto.Warnings, scope, "warnings")), scope);
        }).ToList();

    private List<DeviceModel> ReadModels() =>
        Folder<ModelDto>("models").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.ProductType);
            if (string.IsNullOrWhiteSpace(dto.ProductType) || string.IsNullOrWhiteSpace(dto.Name))
            {
                Problem(scope, "a model needs productType and name");
            }

            var family = Enum<ButtonFamily>(dto.Family, scope, "family") ?? ButtonFamily.IphoneNoHome;
            return Keep(new DeviceModel(dto.ProductType ?? string.Empty, dto.Name ?? string.Empty, family), scope);
        }).ToList();
}
