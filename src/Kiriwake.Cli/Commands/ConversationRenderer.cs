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
                    Line($"[bold]{Esc(ask)}[/]");
                }

                Choices(step.Choices);
                break;
            case GatePrompt gate:
                Ask(gate.Question, gate.Choices);
                break;
            case PlatformPrompt platform:
                Ask(platform.Question, platform.Choices);
                break;
            case DevicePrompt device:
                Ask(device.Question, device.Choices);
                break;
            case FinishPrompt { Escalation: { } escalation }:
                RenderStep(escalation);
                break;
            default:
                break;
        }
    }

    /// <summary>One step: every line wrapped by the Japanese line-breaking rules (<see cref="WrappedMarkup"/>,
    /// <see cref="ListView"/>), numbered items wrapping under their own text.</summary>
    public void RenderStep(StepView view)
    {
        var kind = view.Kind switch
        {
            StepKind.Question => DiagnoseText.Question,
            StepKind.Action => DiagnoseText.Action,
            _ => DiagnoseText.Escalation,
        };
        console.WriteLine();
        Line($"[bold]{Esc(F(DiagnoseText.Step, view.Number))} · {Esc(kind.Get(language))}: {Esc(view.Title)}[/]");
        if (view.Why is { Length: > 0 } why)
        {
            Line($"[grey]{Esc(DiagnoseText.Why.Get(language))}:[/] {Esc(why)}");
        }

        if (view.Kind == StepKind.Action && view.Minutes is { } minutes)
        {
            Line(Esc(F(DiagnoseText.TimeAndRisk, Minutes(minutes), view.Risk ?? "")));
        }

        if (view.Instructions.Count > 0)
        {
            Line($"[grey]{Esc(DiagnoseText.Instructions.Get(language))}:[/]");
        }

        foreach (var block in view.Instructions)
        {
            if (block.Heading is { } heading)
            {
                Line($"[underline]{Esc(heading)}[/]", indent: 2);
            }

            ListView.Write(console, block.Steps.Select((step, i) => ((i + 1).ToString(CultureInfo.InvariantCulture) + ".", Esc(step))));
            ListView.Write(console, block.Warnings.Select(w => ("[yellow]![/]", $"[yellow]{Esc(w)}[/]")));
        }

        if (view.Notes.Count > 0)
        {
            Line($"[grey]{Esc(ConversationText.StepNotesHeading.Get(language))}:[/]");
            foreach (var note in view.Notes)
            {
                ListView.Write(console, [("[yellow]![/]", $"[bold]{Esc(note.Title)}[/]")]);
                Line(Esc(note.Text), indent: 4);
            }
        }

        if (view.Prepare.Count > 0)
        {
            Line($"[grey]{Esc(DiagnoseText.Prepare.Get(language))}:[/]");
            ListView.Write(console, view.Prepare.Select(item => ("•", Esc(item))));
        }

        // The held-back steps are the technician's business while the session runs (the gate question and the
        // report tell the person about them when they matter).
        if (verbose && view.HeldBack.Count > 0 && view.Kind != StepKind.Escalation)
        {
            Line($"[grey]{Esc(F(DiagnoseText.Blocked, string.Join(language == Language.Ja ? "、" : "; ", view.HeldBack)))}[/]");
        }
    }

    public void Choices(IReadOnlyList<AnswerChoice> choices) =>
        ListView.Write(console, choices.Select((c, i) => ($"[bold]{(i + 1).ToString(CultureInfo.InvariantCulture)}[/].", Esc(c.Label) + (verbose ? $" [grey]({Esc(c.Value)})[/]" : ""))));

    private void Ask(string question, IReadOnlyList<AnswerChoice> choices)
    {
        console.WriteLine();
        Line($"[bold]{Esc(question)}[/]");
        Choices(choices);
    }

    private void Line(string markup, int indent = 0) => WrappedMarkup.WriteLine(console, markup, indent);

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
