using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake procedure <force-restart|recovery|dfu> --model X`: the button steps for that model's family.</summary>
internal sealed class ProcedureCommand
{
    private readonly CliContext _context;
    private readonly Argument<string> _kind = new("kind") { Description = "force-restart | recovery | dfu" };
    private readonly Option<string?> _model = new("--model") { Description = "ProductType (iPhone12,8) or model name / 機種名または識別子" };
    private readonly Option<string> _format = CommonOptions.CreateFormat("text", "json");

    public ProcedureCommand(CliContext context)
    {
        _context = context;
        _kind.AcceptOnlyFromAmong("force-restart", "recovery", "dfu");
    }

    public Command Build()
    {
        var command = new Command("procedure", "Force restart, recovery and DFU steps for a model / 強制再起動・リカバリー・DFUの手順") { _kind, _model, _format };
        command.SetAction(Execute);
        return command;
    }

    private int Execute(ParseResult parseResult)
    {
        var knowledge = _context.LoadKnowledge(parseResult);
        var language = _context.GetLanguage(parseResult);
        var kind = parseResult.GetValue(_kind) switch
        {
            "force-restart" => ProcedureKind.ForceRestart,
            "recovery" => ProcedureKind.Recovery,
            _ => ProcedureKind.Dfu,
        };
        var json = parseResult.GetValue(_format) == "json";
        var modelQuery = parseResult.GetValue(_model);
        IReadOnlyList<ButtonFamily> families;
        ModelResolution? resolution = null;
        if (modelQuery is null)
        {
            families = Enum.GetValues<ButtonFamily>();
        }
        else
        {
            resolution = ModelResolver.Resolve(knowledge, modelQuery);
            if (resolution.Family is null)
            {
                return ReportUnresolved(modelQuery, resolution, language, json);
            }

            families = [resolution.Family.Value];
        }

        var procedures = families.Select(f => knowledge.FindProcedure(kind, f)).OfType<Procedure>().ToList();
        if (json)
        {
            CliJson.Write(_context, new
            {
                kind = parseResult.GetValue(_kind),
                model = modelQuery,
                matchedModels = resolution?.Candidates.Select(m => new { productType = m.ProductType, name = m.Name }),
                familyFromRule = resolution?.FromRule ?? false,
                procedures = procedures.Select(p => new
                {
                    family = p.Family,
                    familyName = EnumText.Family(p.Family).Get(language),
                    title = p.Title.Get(language),
                    steps = p.Steps.Select(s => new { text = s.Text.Get(language), seconds = s.Seconds, approximate = s.Approximate }),
                    warnings = p.Warnings.Select(w => w.Get(language)),
                }),
            });
            return ExitCodes.Success;
        }

        if (resolution is { FromRule: true })
        {
            _context.Out.MarkupLine($"[yellow]{Markup.Escape(UiText.ModelFromRule.Get(language))}[/]");
        }
        else if (resolution is { Candidates.Count: > 0 })
        {
            _context.Out.MarkupLine($"[dim]{Markup.Escape(string.Join(", ", ModelResolver.CandidateNames(resolution).Take(4)))}[/]");
        }

        foreach (var procedure in procedures)
        {
            Render(procedure, language);
        }

        return ExitCodes.Success;
    }

    private void Render(Procedure procedure, Language language)
    {
        var console = _context.Out;
        console.Write(new Rule($"[bold]{Markup.Escape(procedure.Title.Get(language))}[/]").LeftJustified());
        console.MarkupLine($"[dim]{Markup.Escape(EnumText.Family(procedure.Family).Get(language))}[/]");
        ListView.Write(console, procedure.Steps.Select((step, i) =>
        {
            var timing = step.Seconds is { } seconds
                ? " " + string.Format(CultureInfo.InvariantCulture, (step.Approximate ? UiText.SecondsApproximate : UiText.Seconds).Get(language), seconds)
                : string.Empty;
            return ($"{i + 1}.", $"{Markup.Escape(step.Text.Get(language))}[dim]{Markup.Escape(timing)}[/]");
        }));
        ListView.Write(console, procedure.Warnings.Select(w => ("[yellow]![/]", Markup.Escape(w.Get(language)))));
        console.WriteLine();
    }

    private int ReportUnresolved(string query, ModelResolution resolution, Language language, bool json)
    {
        if (json)
        {
            CliJson.Write(_context, new
            {
                model = query,
                found = false,
                candidates = resolution.Candidates.Select(m => new { productType = m.ProductType, name = m.Name, family = m.Family }),
                howToFind = UiText.HowToFindModel.Get(language),
            });
            return ExitCodes.NotFound;
        }

        if (resolution.Candidates.Count > 0)
        {
            _context.Out.MarkupLine($"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, UiText.ModelAmbiguous.Get(language), query))}[/]");
            var names = ModelResolver.CandidateNames(resolution);
            foreach (var name in names)
            {
                _context.Out.MarkupLine($"  {Markup.Escape(name)}");
            }

            var more = resolution.Candidates.Select(m => ModelName.Short(m.Name)).Distinct(StringComparer.Ordinal).Count() - names.Count;
            if (more > 0)
            {
                _context.Out.MarkupLine($"  [dim]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, UiText.MoreModels.Get(language), more))}[/]");
            }
        }
        else
        {
            _context.Out.MarkupLine($"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, UiText.ModelUnknown.Get(language), query))}[/]");
        }

        _context.Out.MarkupLine(Markup.Escape(UiText.HowToFindModel.Get(language)));
        return ExitCodes.NotFound;
    }
}
