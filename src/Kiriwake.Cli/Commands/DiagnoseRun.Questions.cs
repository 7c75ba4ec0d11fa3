using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`diagnose`: choosing the symptom, and the one question that can open a gate before handing over.</summary>
internal sealed partial class DiagnoseRun
{
    private string? ResolveSymptom(KnowledgeBase kb)
    {
        if (SymptomId is not null)
        {
            return SymptomId;
        }

        IReadOnlyList<string> candidates;
        string what;
        if (ErrorCode is not null)
        {
            candidates = SymptomFinder.ForCode(kb, ErrorCode);
            what = ErrorCode;
        }
        else if (TextStart is not null)
        {
            candidates = TextStart.Candidates.Select(c => c.SymptomId).ToArray();
            what = TextOrigin ?? string.Empty;
        }
        else if (Scripted)
        {
            context.Error.MarkupLine($"[red]{Markup.Escape(DiagnoseText.NoSymptomGiven.Get(language))}[/]");
            return null;
        }
        else
        {
            candidates = kb.Content.Symptoms.Select(s => s.Id).ToArray();
            what = "";
        }

        if (candidates.Count == 0)
        {
            Fail(DiagnoseText.NoSymptomFound, what);
            return null;
        }

        if (candidates.Count == 1 && what.Length > 0)
        {
            return candidates[0];
        }

        if (Scripted)
        {
            context.Error.MarkupLine($"[yellow]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.SeveralSymptoms.Get(language), candidates[0]))}[/]");
            return candidates[0];
        }

        context.Error.MarkupLine(Markup.Escape(DiagnoseText.ChooseSymptom.Get(language)));
        for (var i = 0; i < candidates.Count; i++)
        {
            context.Error.MarkupLine($"  {(i + 1).ToString(CultureInfo.InvariantCulture)}. {Markup.Escape(kb.Symptoms[candidates[i]].Title.Get(language))} [grey]({Markup.Escape(candidates[i])})[/]");
        }

        while (true)
        {
            context.Error.Markup("> ");
            var line = context.Input.ReadLine();
            if (line is null)
            {
                return null;
            }

            if (int.TryParse(line.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= candidates.Count)
            {
                return candidates[n - 1];
            }

            if (candidates.Contains(line.Trim(), StringComparer.Ordinal))
            {
                return line.Trim();
            }
        }
    }

    /// <summary>
    /// Before the session hands over or ends, a step held back by a gate the person can open gets one question:
    /// a verified backup, or explicit acceptance of losing data, for a data-loss step; the owner's consent for
    /// someone else's device. Scripted sessions answer it with the keys "backup-verified" and "owner-consent";
    /// without such a key the gate stays closed. Simulated sessions never open a gate.
    /// </summary>
    private (string Key, string Value)? AskGate(DiagnosisSession session, CompiledModel model, StepRenderer renderer,
        IReadOnlyDictionary<string, string>? answers, HashSet<Gate> asked)
    {
        var snapshot = session.Snapshot;
        if (snapshot.Outcome != SessionOutcome.InProgress)
        {
            return null;
        }

        foreach (var gate in new[] { Gate.BackupVerified, Gate.OwnerConsent })
        {
            var held = Enumerable.Range(0, model.ActionCount)
                .Where(a => !snapshot.State.IsActionUsed(a) && snapshot.State.FixProbability(a) > 0)
                .Where(a => snapshot.Gates.Missing(model.Actions[a].Risk, model.Actions[a].Gates).Contains(gate))
                .Select(a => renderer.Title(new StepRef(StepKind.Action, model.ActionIds[a]))).ToArray();
            var known = gate == Gate.BackupVerified
                ? snapshot.Facts.ContainsKey(FactKeys.BackupVerified) || snapshot.Facts.ContainsKey(FactKeys.DataLossAccepted)
                : false;
            if (held.Length == 0 || known || !asked.Add(gate))
            {
                continue;
            }

            var id = StepRenderer.GateName(gate);
            string[] accepts = gate == Gate.BackupVerified ? ["backup-verified", "accept-loss", "no"] : ["yes", "no"];
            var question = string.Format(CultureInfo.InvariantCulture,
                (gate == Gate.BackupVerified ? DiagnoseText.GateBackup : DiagnoseText.GateConsent).Get(language), string.Join(", ", held));
            context.Error.WriteLine();
            context.Error.MarkupLine($"[bold]{Markup.Escape(question)}[/] [grey]({Markup.Escape(id)})[/]");
            context.Error.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture, DiagnoseText.Accepts.Get(language), string.Join(" / ", accepts))));
            string? answer;
            if (answers is not null)
            {
                answer = answers.TryGetValue(id, out var a) && accepts.Contains(a, StringComparer.Ordinal) ? a : null;
            }
            else
            {
                answer = null;
                while (answer is null)
                {
                    context.Error.Markup(Markup.Escape(DiagnoseText.Prompt.Get(language)));
                    var line = context.Input.ReadLine()?.Trim();
                    if (line is null)
                    {
                        break;
                    }

                    answer = accepts.Contains(line, StringComparer.Ordinal) ? line : null;
                }
            }

            return (gate, answer) switch
            {
                (Gate.BackupVerified, "backup-verified") => (FactKeys.BackupVerified, "true"),
                (Gate.BackupVerified, "accept-loss") => (FactKeys.DataLossAccepted, "true"),
                (Gate.BackupVerified, "no") => (FactKeys.BackupVerified, "false"),
                (Gate.OwnerConsent, "yes") => (FactKeys.OwnerConsent, "true"),
                _ => null,
            };
        }

        return null;
    }
}
