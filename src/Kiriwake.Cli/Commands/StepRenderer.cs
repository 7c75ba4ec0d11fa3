using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>Shows one recommended step the way a person reads it: what to do on their platform and model,
/// why, the chance it fixes the fault, its time and risk, the likely causes, and the answers it accepts.</summary>
internal sealed class StepRenderer(KnowledgeBase kb, Language language, Platform? platform, ButtonFamily? family)
{
    public static IReadOnlyList<string> Accepts(CompiledModel model, StepRef step)
    {
        if (!model.TryFindStep(step.Id, out var choice))
        {
            return [];
        }

        return choice.Kind switch
        {
            StepKind.Question => model.AnswerIds[choice.Index],
            StepKind.Action => StepAnswers.ForAction,
            _ => [StepAnswers.Escalated],
        };
    }

    public string Title(StepRef step) => step.Kind switch
    {
        StepKind.Question when kb.Questions.TryGetValue(step.Id, out var q) => q.Text.Get(language),
        StepKind.Action when kb.Actions.TryGetValue(step.Id, out var a) => a.Title.Get(language),
        StepKind.Escalation when kb.Escalations.TryGetValue(step.Id, out var e) => e.Title.Get(language),
        _ => step.Id,
    };

    public string CauseTitle(string causeId) => kb.Causes.TryGetValue(causeId, out var c) ? c.Title.Get(language) : causeId;

    public void Render(IAnsiConsole console, int number, Recommendation rec, CompiledModel model)
    {
        var kind = rec.Step.Kind switch
        {
            StepKind.Question => DiagnoseText.Question,
            StepKind.Action => DiagnoseText.Action,
            _ => DiagnoseText.Escalation,
        };
        console.WriteLine();
        console.MarkupLine($"[bold]{Esc(Format(DiagnoseText.Step, number))} · {Esc(kind.Get(language))}: {Esc(Title(rec.Step))}[/] [grey]({Esc(rec.Step.Id)})[/]");
        if (Why(rec.Step) is { } why)
        {
            console.MarkupLine($"[grey]{Esc(DiagnoseText.Why.Get(language))}:[/] {Esc(why)}");
        }

        if (rec.Step.Kind == StepKind.Action)
        {
            console.MarkupLine(Esc(Format(DiagnoseText.Chance, Percent(rec.FixProbability), Minutes(rec.Cost), DiagnoseText.Risk(rec.Risk).Get(language)))
                + (rec.RepairCost > 0 ? " " + Esc(Format(DiagnoseText.RepairExtra, Minutes(rec.RepairCost))) : ""));
            RenderInstructions(console, rec.Step.Id);
        }
        else if (rec.Step.Kind == StepKind.Escalation && kb.Escalations.TryGetValue(rec.Step.Id, out var e) && e.Prepare.Count > 0)
        {
            console.MarkupLine($"[grey]{Esc(DiagnoseText.Prepare.Get(language))}:[/]");
            foreach (var item in e.Prepare)
            {
                console.MarkupLine($"  • {Esc(item.Get(language))}");
            }
        }

        console.MarkupLine($"[grey]{Esc(DiagnoseText.TopCauses.Get(language))}:[/] "
            + string.Join(", ", rec.TopCauses.Select(c => $"{Esc(CauseTitle(c.CauseId))} {Percent(c.Probability)}")));
        if (rec.RunnerUp is { } r)
        {
            console.MarkupLine($"[grey]{Esc(Format(DiagnoseText.RunnerUp, Title(r.Step), Minutes(r.ExpectedCost), Minutes(rec.ExpectedCost)))}[/]");
        }

        if (rec.Blocked.Count > 0)
        {
            console.MarkupLine($"[grey]{Esc(Format(DiagnoseText.Blocked, string.Join(", ", rec.Blocked.Select(b => $"{Title(new StepRef(StepKind.Action, b.ActionId))} ({string.Join(", ", b.MissingGates.Select(GateName))})"))))}[/]");
        }

        // A hand-over that resolves only some causes (the administrator) takes fixed/not-fixed like an action.
        if (model.TryFindStep(rec.Step.Id, out var choice) && choice.Kind != StepKind.Escalation)
        {
            console.MarkupLine(Esc(Format(DiagnoseText.Accepts, string.Join(" / ", AcceptTexts(model, rec.Step)))));
        }
    }

    public static string GateName(Gate gate) => gate switch
    {
        Gate.BackupVerified => "backup-verified",
        Gate.OwnerConsent => "owner-consent",
        _ => "not-managed",
    };

    private IEnumerable<string> AcceptTexts(CompiledModel model, StepRef step)
    {
        foreach (var id in Accepts(model, step))
        {
            var text = kb.Questions.TryGetValue(step.Id, out var q) ? q.Answers.FirstOrDefault(a => a.Id == id)?.Text.Get(language)
                : id switch
                {
                    StepAnswers.Fixed => DiagnoseText.AnswerFixed.Get(language),
                    StepAnswers.NotFixed => DiagnoseText.AnswerNotFixed.Get(language),
                    StepAnswers.Skipped => DiagnoseText.AnswerSkipped.Get(language),
                    _ => null,
                };
            yield return text is null ? id : $"{id} ({text})";
        }
    }

    private string? Why(StepRef step) => step.Kind switch
    {
        StepKind.Question when kb.Questions.TryGetValue(step.Id, out var q) => q.Why.Get(language),
        StepKind.Action when kb.Actions.TryGetValue(step.Id, out var a) => a.Why.Get(language),
        StepKind.Escalation when kb.Escalations.TryGetValue(step.Id, out var e) => e.Why.Get(language),
        _ => null,
    };

    private void RenderInstructions(IAnsiConsole console, string actionId)
    {
        if (!kb.Actions.TryGetValue(actionId, out var action))
        {
            return;
        }

        var variants = action.Instructions
            .Where(v => platform is null || v.Platform == platform || v.Platform == Platform.Any)
            .Where(v => v.Family is null || family is null || v.Family == family)
            .ToArray();
        if (family is not null && variants.Any(v => v.Family == family))
        {
            // Where buttons differ, show only the person's model family.
            variants = variants.Where(v => v.Family is null || v.Family == family).ToArray();
        }

        if (variants.Length > 0)
        {
            console.MarkupLine($"[grey]{Esc(DiagnoseText.Instructions.Get(language))}:[/]");
        }

        foreach (var variant in variants)
        {
            if (platform is null && variant.Platform != Platform.Any)
            {
                console.MarkupLine($"  [underline]{Esc(PlatformName(variant.Platform))}{(variant.Family is { } f ? " / " + Esc(FamilyName(f)) : "")}[/]");
            }

            var n = 1;
            foreach (var step in variant.Steps)
            {
                console.MarkupLine($"  {n++.ToString(CultureInfo.InvariantCulture)}. {Esc(step.Get(language))}");
            }
        }

        if (action.Procedure is { } kind)
        {
            var families = family is { } f ? [f] : Enum.GetValues<ButtonFamily>();
            foreach (var fam in families)
            {
                if (kb.FindProcedure(kind, fam) is not { } procedure)
                {
                    continue;
                }

                console.MarkupLine($"[grey]{Esc(DiagnoseText.Procedure.Get(language))}: {Esc(procedure.Title.Get(language))} ({Esc(FamilyName(fam))})[/]");
                var n = 1;
                foreach (var s in procedure.Steps)
                {
                    var seconds = s.Seconds is { } sec ? $" ({(s.Approximate ? "~" : "")}{sec.ToString(CultureInfo.InvariantCulture)} s)" : "";
                    console.MarkupLine($"  {n++.ToString(CultureInfo.InvariantCulture)}. {Esc(s.Text.Get(language))}{Esc(seconds)}");
                }

                foreach (var warning in procedure.Warnings)
                {
                    console.MarkupLine($"  [yellow]! {Esc(warning.Get(language))}[/]");
                }
            }
        }
    }

    public static string FamilyName(ButtonFamily f) => f switch
    {
        ButtonFamily.IphoneHome => "iphone-home",
        ButtonFamily.Iphone7 => "iphone-7",
        ButtonFamily.IphoneNoHome => "iphone-no-home",
        ButtonFamily.IpadHome => "ipad-home",
        _ => "ipad-no-home",
    };

    private static string PlatformName(Platform p) => p switch
    {
        Platform.Ios => "iPhone/iPad",
        Platform.WindowsItunes => "Windows (iTunes)",
        Platform.WindowsAppleDevices => "Windows (Apple Devices)",
        Platform.MacosFinder => "macOS (Finder)",
        _ => "",
    };

    private string Format(LocalizedText text, params object[] args) => string.Format(CultureInfo.InvariantCulture, text.Get(language), args);

    public static string Percent(double p) => p.ToString("0%", CultureInfo.InvariantCulture);

    public static string Minutes(double m) => m.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string s) => Markup.Escape(s);
}
