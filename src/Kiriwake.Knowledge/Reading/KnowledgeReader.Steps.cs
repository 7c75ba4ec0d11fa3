using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Dto;

namespace Kiriwake.Knowledge.Reading;

internal sealed partial class KnowledgeReader
{
    private List<TroubleshootingAction> ReadActions() =>
        Folder<ActionDto>("actions").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var risk = Enum<Risk>(dto.Risk, scope, "risk") ?? Risk.Low;
            var gates = Ids(dto.Gates).Select(g => Enum<Gate>(g, scope, "gate")).OfType<Gate>().ToList();
            if (risk == Risk.DataLoss && !gates.Contains(Gate.BackupVerified))
            {
                Problem(scope, "a data-loss step must require the backup-verified gate");
            }

            ProcedureKind? procedure = dto.Procedure is null ? null : Enum<ProcedureKind>(dto.Procedure, scope, "procedure");
            var instructions = (dto.Instructions ?? []).Select(i => ReadInstruction(i, scope)).ToList();
            if (instructions.Count == 0 && procedure is null)
            {
                Problem(scope, "instructions are missing (give steps per platform, or a procedure)");
            }

            var fixes = (dto.Fixes ?? []).Select(f =>
            {
                var (p, citation) = Cite(f, scope, $"fixes '{f.Cause}'");
                return new FixEntry(f.Cause ?? string.Empty, p, citation);
            }).ToList();
            var repair = dto.RepairCost is null ? (double?)null : Positive(dto.RepairCost, scope, "repairCost", allowZero: true);
            return Keep(
                new TroubleshootingAction(
                    RequireId(dto.Id, scope),
                    Text(dto.Title, scope, "title"),
                    Text(dto.Why, scope, "why"),
                    Positive(dto.Cost, scope, "cost"),
                    repair,
                    risk,
                    gates,
                    instructions,
                    procedure,
                    fixes)
                {
                    After = Ids(dto.After),
                    Opens = dto.Opens is null ? null : Enum<Gate>(dto.Opens, scope, "opens"),
                },
                scope);
        }).ToList();

    private InstructionVariant ReadInstruction(InstructionDto dto, Scope scope)
    {
        var at = scope with { Line = dto.YamlLine };
        var platform = Enum<Platform>(dto.Platform ?? "any", at, "platform") ?? Platform.Any;
        ButtonFamily? family = dto.Family is null ? null : Enum<ButtonFamily>(dto.Family, at, "family");
        if (dto.Steps is null or { Count: 0 })
        {
            Problem(at, "an instruction variant has no steps");
        }

        return new InstructionVariant(platform, family, Texts(dto.Steps, at, "steps"));
    }

    private List<Question> ReadQuestions() =>
        Folder<QuestionDto>("questions").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var answers = (dto.Answers ?? []).Select(a =>
            {
                var at = scope with { Line = a.YamlLine };
                foreach (var (cause, p) in a.Given ?? [])
                {
                    CheckProbability(p, at, $"answer '{a.Id}' given '{cause}'");
                }

                var otherwise = a.Otherwise ?? 0;
                CheckProbability(otherwise, at, $"answer '{a.Id}' otherwise");
                return new Answer(RequireId(a.Id, at), Text(a.Text, at, "answer text"), a.Given ?? new Dictionary<string, double>(StringComparer.Ordinal), otherwise)
                {
                    RulesOut = Ids(a.RulesOut),
                    Opens = Ids(a.Opens).Select(g => Enum<Gate>(g, at, "opens")).OfType<Gate>().ToList(),
                };
            }).ToList();
            if (answers.Count < 2)
            {
                Problem(scope, "a question needs at least two answers");
            }

            var otherwiseSum = answers.Sum(a => a.Otherwise);
            if (answers.Count > 0 && Math.Abs(otherwiseSum - 1) > 1e-6)
            {
                Problem(scope, $"answer likelihoods for unnamed causes ('otherwise') sum to {F(otherwiseSum)}, not 1");
            }

            FactBinding? fact = null;
            if (dto.Fact is not null)
            {
                if (string.IsNullOrWhiteSpace(dto.Fact.Key) || dto.Fact.Answers is null or { Count: 0 })
                {
                    Problem(scope, "fact needs a key and answers (fact value → answer id)");
                }
                else
                {
                    fact = new FactBinding(dto.Fact.Key, dto.Fact.Answers);
                    foreach (var answerId in dto.Fact.Answers.Values.Where(v => answers.All(a => a.Id != v)))
                    {
                        Problem(scope, $"fact maps to unknown answer '{answerId}'");
                    }
                }
            }

            return Keep(
                new Question(RequireId(dto.Id, scope), Text(dto.Text, scope, "text"), Text(dto.Why, scope, "why"), Positive(dto.Cost, scope, "cost", allowZero: true), answers, fact)
                {
                    Procedure = dto.Procedure is null ? null : Enum<ProcedureKind>(dto.Procedure, scope, "procedure"),
                },
                scope);
        }).ToList();

    private List<Escalation> ReadEscalations() =>
        Folder<EscalationDto>("escalations").Select(entry =>
        {
            var (file, dto) = entry;
            var scope = new Scope(file, dto.YamlLine, dto.Id);
            var kind = Enum<EscalationKind>(dto.Kind, scope, "kind") ?? EscalationKind.AppleSupport;
            return Keep(
                new Escalation(RequireId(dto.Id, scope), kind, Text(dto.Title, scope, "title"), Text(dto.Why, scope, "why"), Positive(dto.Cost, scope, "cost"), Ids(dto.Covers), Texts(dto.Prepare, scope, "prepare")),
                scope);
        }).ToList();

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
