using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Learning;
using Kiriwake.Learning.Cases;
using Kiriwake.Learning.Overlay;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake kb learn --cases PATH... [--out DIR] [--min-cases N] [--format json]`: learns the knowledge base's
/// probabilities from closed cases (diagnose --format json reports and helpdesk JSON-lines exports, files or
/// folders) and writes a learned overlay folder that --learned uses (docs/learning.md).
/// </summary>
internal sealed class KbLearnCommand
{
    private static readonly string[] s_extensions = [".json", ".jsonl", ".ndjson"];

    private readonly CliContext _context;
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");
    private readonly Option<string[]> _cases = new("--cases")
    {
        Description = "Case files or folders: diagnose --format json reports, JSON-lines exports / ケースのファイルまたはフォルダー",
        HelpName = "PATH",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = "Folder to write the learned overlay to (default: learned) / 学習結果の書き出し先",
        HelpName = "DIR",
        DefaultValueFactory = _ => "learned",
    };

    private readonly Option<int> _minCases = new("--min-cases")
    {
        Description = "A probability moves only with at least this many cases (default 20) / 変更に必要な最低件数",
        HelpName = "N",
        DefaultValueFactory = _ => LearningOptions.Default.MinCases,
    };

    public KbLearnCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var command = new Command("learn", "Learn probabilities from closed cases into an overlay / 終了したケースから確率を学習")
        {
            _cases, _out, _minCases, _format,
        };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var language = _context.GetLanguage(parseResult);
        var minCases = parseResult.GetValue(_minCases);
        if (minCases < 1)
        {
            _context.Error.MarkupLine("[red]--min-cases ≥ 1[/]");
            return ExitCodes.Usage;
        }

        // Learning starts from the knowledge base itself, never from an earlier overlay (that would count cases twice).
        var kb = _context.LoadBaseKnowledge(parseResult);
        var files = new List<string>();
        foreach (var path in parseResult.GetValue(_cases) ?? [])
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => s_extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                _context.Error.MarkupLine($"[red]{Markup.Escape(F(LearnText.NoPath, language, path))}[/]");
                return ExitCodes.NotFound;
            }
        }

        if (files.Count == 0)
        {
            _context.Error.MarkupLine($"[red]{Markup.Escape(LearnText.NoCaseFiles.Get(language))}[/]");
            return ExitCodes.NotFound;
        }

        LearningResult result;
        try
        {
            var cases = new List<ClosedCase>();
            var problems = new List<string>();
            foreach (var file in files.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    cases.AddRange(CaseFileParser.Parse(File.ReadAllText(file), file));
                }
                catch (CaseFormatException ex)
                {
                    problems.AddRange(ex.Problems);
                }
            }

            if (problems.Count > 0)
            {
                throw new CaseFormatException(problems);
            }

            result = BayesianLearner.Learn(kb, cases, LearningOptions.Default with { MinCases = minCases });
        }
        catch (CaseFormatException ex)
        {
            // Written as plain lines, never wrapped: each problem is a "file:line: message" that editors and grep can follow.
            _context.ErrorWriter.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }

        var outDir = parseResult.GetValue(_out)!;
        Write(outDir, result);
        if (parseResult.GetValue(_format) == "json")
        {
            CliJson.Write(_context, new LearnJson(
                result.Symptoms.Select(s => new LearnSymptomJson(s.SymptomId, s.Cases, s.Moved, s.PriorBefore, s.PriorAfter)).ToArray(),
                result.Overlay.FirstStepChanges.Select(c => new LearnFirstStepJson(c.SymptomId, c.Before, c.After)).ToArray(),
                result.Overlay.Summary.Cases,
                result.Overlay.Summary.ConfirmedCases,
                result.NotClosed,
                result.NotFixed,
                result.NotFixedConfirmed,
                Path.GetFullPath(outDir)));
        }
        else
        {
            WriteText(kb, result, outDir, language, minCases);
        }

        return ExitCodes.Success;
    }

    /// <summary>Each file is written beside itself and renamed over the old one, so a reader never sees half an overlay file.</summary>
    private static void Write(string directory, LearningResult result)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in OverlayYamlWriter.Write(result.Overlay))
        {
            var path = Path.Combine(directory, name);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
    }

    private void WriteText(KnowledgeBase kb, LearningResult result, string outDir, Language language, int minCases)
    {
        var o = result.Overlay;
        var output = _context.Out;
        output.WriteLine(F(LearnText.Read, language, o.Summary.Cases, o.Summary.ConfirmedCases, result.NotClosed));
        if (result.NotFixed > 0)
        {
            output.WriteLine(F(ConfirmationAdvice.NotFixed, language, result.NotFixed, result.NotFixedConfirmed));
            if (o.Summary.ConfirmationAdvised)
            {
                WrappedMarkup.WriteLine(output, Markup.Escape(ConfirmationAdvice.ConfirmAdvice.Get(language)));
            }
        }

        output.WriteLine();
        foreach (var s in result.Symptoms)
        {
            output.MarkupLine($"[bold]{Markup.Escape(F(LearnText.Symptom, language, Core.Text.JapaneseQuotes.Nested(kb.Symptoms[s.SymptomId].Title.Get(language), language), s.Cases))}[/]");
            if (!s.Moved)
            {
                output.WriteLine(F(LearnText.TooFew, language, minCases));
                continue;
            }

            // The biggest moves first; at most five causes.
            foreach (var (cause, before) in s.PriorBefore.OrderByDescending(p => Math.Abs(s.PriorAfter[p.Key] - p.Value)).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5))
            {
                output.WriteLine(F(LearnText.Move, language, kb.Causes[cause].Title.Get(language), Format.Percent(before), Format.Percent(s.PriorAfter[cause])));
            }
        }

        output.WriteLine();
        if (o.FirstStepChanges.Count == 0)
        {
            output.WriteLine(LearnText.NoFirstStepChange.Get(language));
        }
        else
        {
            output.MarkupLine($"[bold]{Markup.Escape(LearnText.FirstStepChanged.Get(language))}[/]");
            foreach (var c in o.FirstStepChanges)
            {
                output.WriteLine(F(LearnText.FirstStep, language, Core.Text.JapaneseQuotes.Nested(kb.Symptoms[c.SymptomId].Title.Get(language), language), StepTitle(kb, c.Before, language), StepTitle(kb, c.After, language)));
            }
        }

        output.WriteLine(F(LearnText.Counts, language, o.Priors.Count, o.Fixes.Count, o.Answers.Count));
        output.WriteLine();
        output.WriteLine(F(LearnText.Written, language, Path.GetFullPath(outDir)));
        output.WriteLine(F(LearnText.Use, language, outDir));
    }

    private static string StepTitle(KnowledgeBase kb, string? id, Language language) =>
        id is null ? LearnText.Nothing.Get(language) : kb.StepTitle(id)?.Get(language) ?? id;

    private static string F(LocalizedText text, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, text.Get(language), args);
}

/// <summary>`kb learn --format json`.</summary>
internal sealed record LearnJson(
    IReadOnlyList<LearnSymptomJson> Symptoms,
    IReadOnlyList<LearnFirstStepJson> FirstStepChanges,
    int Cases,
    int ConfirmedCases,
    int NotClosed,
    int NotFixed,
    int NotFixedConfirmed,
    string Overlay);

internal sealed record LearnSymptomJson(string Symptom, int Cases, bool Moved, IReadOnlyDictionary<string, double> PriorBefore, IReadOnlyDictionary<string, double> PriorAfter);

internal sealed record LearnFirstStepJson(string Symptom, string? Before, string? After);
