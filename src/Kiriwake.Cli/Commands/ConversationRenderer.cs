using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>The Spectre markup of the conversation's prompts; what they say comes from Core. The technician view
/// (--verbose) adds ids and the engine's figures.</summary>
internal sealed class ConversationRenderer(IAnsiConsole console, Language language, bool verbose)
{
    public void Render(ConversationPrompt prompt)
    {
        switch (prompt)
        {
            case StepPrompt step:
                RenderStep(step.View);
                if (verbose)
                {
                    RenderTechnician(step.Technician);
                }

                if (step.View.Ask is { } ask)
                {
                    console.MarkupLine($"[bold]{Esc(ask)}[/]");
                }

                Choices(step.Choices);
                break;
            case GatePrompt gate:
                console.WriteLine();
                console.MarkupLine($"[bold]{Esc(gate.Question)}[/]");
                Choices(gate.Choices);
                break;
            case PlatformPrompt platform:
                console.WriteLine();
                console.MarkupLine($"[bold]{Esc(platform.Question)}[/]");
                Choices(platform.Choices);
                break;
            case DevicePrompt device:
                console.WriteLine();
                console.MarkupLine($"[bold]{Esc(device.Question)}[/]");
                Choices(device.Choices);
                break;
            case FinishPrompt { Escalation: { } escalation }:
                RenderStep(escalation);
                break;
            default:
                break;
        }
    }

    public void RenderStep(StepView view)
    {
        var kind = view.Kind switch
        {
            StepKind.Question => DiagnoseText.Question,
            StepKind.Action => DiagnoseText.Action,
            _ => DiagnoseText.Escalation,
        };
        console.WriteLine();
        console.MarkupLine($"[bold]{Esc(F(DiagnoseText.Step, view.Number))} · {Esc(kind.Get(language))}: {Esc(view.Title)}[/]");
        if (view.Why is { Length: > 0 } why)
        {
            console.MarkupLine($"[grey]{Esc(DiagnoseText.Why.Get(language))}:[/] {Esc(why)}");
        }

        if (view.Kind == StepKind.Action && view.Minutes is { } minutes)
        {
            console.MarkupLine(Esc(F(DiagnoseText.TimeAndRisk, Minutes(minutes), view.Risk ?? "")));
        }

        if (view.Instructions.Count > 0)
        {
            console.MarkupLine($"[grey]{Esc(DiagnoseText.Instructions.Get(language))}:[/]");
        }

        foreach (var block in view.Instructions)
        {
            if (block.Heading is { } heading)
            {
                console.MarkupLine($"  [underline]{Esc(heading)}[/]");
            }

            var n = 1;
            foreach (var step in block.Steps)
            {
                console.MarkupLine($"  {n++.ToString(CultureInfo.InvariantCulture)}. {Esc(step)}");
            }

            foreach (var warning in block.Warnings)
            {
                console.MarkupLine($"  [yellow]! {Esc(warning)}[/]");
            }
        }

        if (view.Prepare.Count > 0)
        {
            console.MarkupLine($"[grey]{Esc(DiagnoseText.Prepare.Get(language))}:[/]");
            foreach (var item in view.Prepare)
            {
                console.MarkupLine($"  • {Esc(item)}");
            }
        }

        // The held-back steps are the technician's business while the session runs (the gate question and the
        // report tell the person about them when they matter).
        if (verbose && view.HeldBack.Count > 0 && view.Kind != StepKind.Escalation)
        {
            console.MarkupLine($"[grey]{Esc(F(DiagnoseText.Blocked, string.Join(language == Language.Ja ? "、" : "; ", view.HeldBack)))}[/]");
        }
    }

    public void Choices(IReadOnlyList<AnswerChoice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            console.MarkupLine($"  [bold]{(i + 1).ToString(CultureInfo.InvariantCulture)}[/]. {Esc(choices[i].Label)}" + (verbose ? $" [grey]({Esc(choices[i].Value)})[/]" : ""));
        }
    }

    private void RenderTechnician(TechnicianView t)
    {
        var culture = CultureInfo.InvariantCulture;
        console.MarkupLine($"[grey]  id: {Esc(t.StepId)} · {Esc(t.Method.ToString())} · E[cost] {Minutes(t.ExpectedCost)} min · P(fix) {t.FixProbability.ToString("0%", culture)}[/]");
        console.MarkupLine($"[grey]  causes: {Esc(string.Join(", ", t.TopCauses.Select(c => $"{c.Id} {c.Probability.ToString("0%", culture)}")))}[/]");
        if (t.RunnerUp is { } r)
        {
            console.MarkupLine($"[grey]  runner-up: {Esc(r.StepId)} (E[cost] {Minutes(r.ExpectedCost)} min)[/]");
        }

        foreach (var b in t.Blocked)
        {
            console.MarkupLine($"[grey]  held back: {Esc(b.ActionId)} ({Esc(string.Join(", ", b.MissingGates.Select(KebabNames.Of)))})[/]");
        }
    }

    private string F(LocalizedText text, params object[] args) => string.Format(CultureInfo.InvariantCulture, text.Get(language), args);

    public static string Minutes(double m) => m.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string s) => Markup.Escape(s);
}
