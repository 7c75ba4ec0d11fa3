using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge.Models;
using Kiriwake.Knowledge.Overlay;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake kb eval --model FILE | --symptom ID | --all [--fact KEY=VALUE]… [--format json]`: the policy diagnose runs with the same facts; the exact expected cost of the
/// engine's policy, of the optimal policy (when exact search is feasible) and of the authored order, and the
/// first step. With `--truth DIR` (a true world in the learned overlay's format, docs/learning.md) also what the
/// engine as it believes costs under those true probabilities, against the engine planned on them and their optimum.
/// </summary>
internal sealed class EvalCommand
{
    private readonly CliContext _context;
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");
    private readonly Option<FileInfo?> _model = new("--model") { Description = "A standalone model file (YAML or JSON) / モデルファイル", HelpName = "FILE" };
    private readonly Option<string?> _symptom = new("--symptom") { Description = "A symptom of the knowledge base / 症状 ID", HelpName = "ID" };
    private readonly Option<bool> _all = new("--all") { Description = "Every symptom of the knowledge base / すべての症状" };
    private readonly Option<string?> _truth = new("--truth") { Description = "A true world, in the learned overlay's format: score the engine under it / 真の確率(学習結果と同じ形式)のもとで評価", HelpName = "DIR" };
    private readonly Option<string[]> _facts = new("--fact") { Description = "A fact known up front, as for diagnose (KEY=VALUE) / 既知の事実", HelpName = "KEY=VALUE", AllowMultipleArgumentsPerToken = false };

    public EvalCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("eval", "Exact expected cost of the engine, the optimum and the authored order / 期待コストの評価")
        {
            _model, _symptom, _all, _facts, _truth, _format,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var language = _context.GetLanguage(parseResult);
        var file = parseResult.GetValue(_model);
        var symptom = parseResult.GetValue(_symptom);
        var all = parseResult.GetValue(_all);
        if ((file is not null ? 1 : 0) + (symptom is not null ? 1 : 0) + (all ? 1 : 0) != 1)
        {
            _context.Error.MarkupLine($"[red]{Markup.Escape(EvalText.ChooseOne.Get(language))}[/]");
            return ExitCodes.Usage;
        }

        var truthDirectory = parseResult.GetValue(_truth);
        if (truthDirectory is not null && file is not null)
        {
            _context.Error.MarkupLine($"[red]{Markup.Escape(EvalText.TruthNeedsKnowledge.Get(language))}[/]");
            return ExitCodes.Usage;
        }

        var json = parseResult.GetValue(_format) == "json";
        List<ModelScore> scores;
        List<TruthScore?> truths = [];
        try
        {
            if (file is not null)
            {
                if (!file.Exists && !Directory.Exists(file.FullName) && file.LinkTarget is null)
                {
                    throw new FileNotFoundException(string.Format(CultureInfo.InvariantCulture, EvalText.NoFile.Get(language), file.FullName));
                }

                scores = [ModelScorer.Score(ModelFileReader.Read(file.FullName))];
            }
            else
            {
                var kb = _context.LoadKnowledge(parseResult);
                if (symptom is not null && !kb.Symptoms.ContainsKey(symptom))
                {
                    _context.Error.MarkupLine($"[red]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, EvalText.NoSymptom.Get(language), symptom))}[/]");
                    return ExitCodes.NotFound;
                }

                var ids = symptom is not null ? [symptom] : kb.Content.Symptoms.Select(s => s.Id).ToArray();
                // The same start as `diagnose` with the same facts: the score is of the policy a person gets.
                var facts = ParseFacts(parseResult.GetValue(_facts) ?? []);
                var sessions = ids.Select(id => SymptomSession.Open(kb, id, facts, DateTimeOffset.UnixEpoch, source: "person:--fact")).ToList();
                scores = sessions.Select(session => ModelScorer.Score(session)).ToList();
                if (truthDirectory is not null)
                {
                    // The truth is laid over the knowledge base itself, like an overlay that kb learn would write. The
                    // believed sessions are the ones just scored: their engines have already made their decisions.
                    var truth = LearnedOverlayReader.ApplyTruth(_context.LoadBaseKnowledge(parseResult), truthDirectory);
                    truths = sessions.Select((session, i) => (TruthScore?)TruthScorer.Score(
                        session,
                        SymptomSession.Open(truth, ids[i], facts, DateTimeOffset.UnixEpoch, source: "person:--fact"))).ToList();
                }
            }
        }
        catch (TroubleshootingModelException ex)
        {
            _context.Error.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            if (all)
            {
                CliJson.Write(_context, scores.Select((s, i) => ToJson(s, includeSymptom: true, truths.ElementAtOrDefault(i))).ToArray());
            }
            else
            {
                CliJson.Write(_context, ToJson(scores[0], includeSymptom: symptom is not null, truths.ElementAtOrDefault(0)));
            }
        }
        else
        {
            for (var i = 0; i < scores.Count; i++)
            {
                WriteText(scores[i], language);
                if (truths.ElementAtOrDefault(i) is { } t)
                {
                    WriteTruth(t, truthDirectory!, language);
                }
            }
        }

        return ExitCodes.Success;
    }

    private static Dictionary<string, object?> ToJson(ModelScore s, bool includeSymptom, TruthScore? truth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (includeSymptom)
        {
            result["symptom"] = s.Id;
        }
        else
        {
            result["model"] = s.Id;
        }

        result["policy"] = s.Policy;
        result["optimal"] = s.Optimal;
        result["authored"] = s.Authored;
        result["greedy"] = s.Greedy;
        result["firstStep"] = s.FirstStep?.Id;
        result["firstStepKind"] = s.FirstStep?.Kind;
        result["items"] = s.Items;
        result["exactStoppedByMemory"] = s.ExactStoppedByMemory;
        if (truth is not null)
        {
            result["truth"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["engine"] = truth.Engine,
                ["engineOnTruth"] = truth.EngineOnTruth,
                ["optimal"] = truth.Optimal,
                ["gapToOptimal"] = truth.GapToOptimal,
                ["engineOnTruthGap"] = truth.EngineOnTruthGap,
                ["firstStepOnTruth"] = truth.FirstStepOnTruth?.Id,
            };
        }

        return result;
    }

    private void WriteText(ModelScore s, Language language)
    {
        var table = new Table().Title(Markup.Escape(s.Id)).AddColumn(EvalText.Policy.Get(language)).AddColumn(new TableColumn(EvalText.Minutes.Get(language)).RightAligned())
            .AddColumn(new TableColumn(EvalText.VersusEngine.Get(language)).RightAligned());
        table.AddRow(EvalText.Engine.Get(language), Min(s.Policy), "");
        table.AddRow(EvalText.Optimal.Get(language), s.Optimal is { } o ? Min(o) : EvalText.NotComputed.Get(language), s.Optimal is { } o2 ? Gap(s.Policy, o2) : "");
        table.AddRow(EvalText.Authored.Get(language), s.Authored is { } a ? Min(a) : EvalText.None.Get(language), s.Authored is { } a2 ? Gap(s.Policy, a2) : "");
        table.AddRow(EvalText.GreedyOnly.Get(language), Min(s.Greedy), Gap(s.Policy, s.Greedy));
        _context.Out.Write(table);
        _context.Out.MarkupLine($"{Markup.Escape(EvalText.FirstStep.Get(language))}: [bold]{Markup.Escape(s.FirstStep?.Id ?? "-")}[/]");
        if (s.ExactStoppedByMemory)
        {
            _context.Out.MarkupLine($"[yellow]{Markup.Escape(EvalText.MemoryBound.Get(language))}[/]");
        }

        _context.Out.WriteLine();
    }

    private void WriteTruth(TruthScore t, string directory, Language language)
    {
        var table = new Table().Title(Markup.Escape(string.Format(CultureInfo.InvariantCulture, EvalText.UnderTruth.Get(language), directory)))
            .AddColumn(EvalText.Policy.Get(language)).AddColumn(new TableColumn(EvalText.Minutes.Get(language)).RightAligned())
            .AddColumn(new TableColumn(EvalText.AboveOptimal.Get(language)).RightAligned());
        table.AddRow(EvalText.EngineAsItBelieves.Get(language), Min(t.Engine), Above(t.GapToOptimal));
        table.AddRow(EvalText.EngineOnTruth.Get(language), Min(t.EngineOnTruth), Above(t.EngineOnTruthGap));
        table.AddRow(EvalText.TruthOptimal.Get(language), t.Optimal is { } o ? Min(o) : EvalText.NotComputed.Get(language), "");
        _context.Out.Write(table);
        _context.Out.MarkupLine($"{Markup.Escape(EvalText.FirstStepOnTruth.Get(language))}: [bold]{Markup.Escape(t.FirstStepOnTruth?.Id ?? "-")}[/]");
        _context.Out.WriteLine();
    }

    private static string Above(double? gap) => gap is { } g ? g.ToString("+0.00 %;-0.00 %;0.00 %", CultureInfo.InvariantCulture) : "";

    private static KeyValuePair<string, string>[] ParseFacts(string[] facts) => facts.Select(f =>
    {
        var parts = f.Split('=', 2);
        if (parts.Length != 2 || parts[0].Trim().Length == 0)
        {
            throw new FormatException($"--fact takes KEY=VALUE, not '{f}'");
        }

        return new KeyValuePair<string, string>(parts[0].Trim(), parts[1].Trim());
    }).ToArray();

    private static string Min(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>How much the other policy costs relative to the engine's (positive: the engine is cheaper).</summary>
    private static string Gap(double engine, double other) =>
        other > 0 ? ((other - engine) / other).ToString("+0.0 %;-0.0 %;0.0 %", CultureInfo.InvariantCulture) : "";
}
