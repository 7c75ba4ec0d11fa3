using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Logs;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>The result of `backups create`, as text for the person or JSON for scripts. Tool text is untrusted: always escaped.</summary>
internal static class BackupsCreateView
{
    private const int MaxFindingsShown = 4;

    public static void Text(IAnsiConsole console, KnowledgeBase knowledge, BackupMakeResult result, Language language, string? logFile)
    {
        var ok = result.Status == BackupMakeStatus.Complete;
        console.MarkupLine($"[bold {(ok ? "green" : "red")}]{T(DeviceActionText.Backup(result.Status), language)}[/]");
        if (result.Status == BackupMakeStatus.DeviceNotReady)
        {
            console.MarkupLine(T(ConnectionStateText.Title(result.Device.State), language));
        }

        if (result.Killed)
        {
            console.MarkupLine($"[yellow]{T(DeviceActionUiText.Killed, language)}[/]");
        }

        if (result.Progress.FilesReceived is { } received)
        {
            console.MarkupLine($"{T(DeviceActionUiText.Files, language)}: {received.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        // A run stopped before anything usable was written leaves a folder that is not a backup yet: no report for it.
        if (result.Report is { } report && !report.Reasons.Any(r => r.Code is BackupReasonCode.NotABackup or BackupReasonCode.FolderMissing))
        {
            BackupsReportView.Text(console, report, language, null);
        }

        if (result.Findings is { Findings.Count: > 0 } findings)
        {
            console.MarkupLine($"[bold]{T(DeviceActionUiText.ToolSaid, language)}[/]");
            foreach (var finding in findings.Findings.Where(f => f.Kind != FindingKind.ToolStatus).Take(MaxFindingsShown))
            {
                Finding(console, knowledge, finding, language);
            }
        }

        var next = DeviceActionText.BackupNext(result);
        if (next.Count > 0)
        {
            console.MarkupLine($"[bold]{T(DeviceActionUiText.NextSteps, language)}[/]");
            foreach (var step in next)
            {
                console.MarkupLine($"  • {T(step, language)}");
            }

            if (result.StoppedForSpace)
            {
                console.MarkupLine($"  • {T(DeviceActionUiText.OtherDestination, language)}");
            }
        }

        if (logFile is not null)
        {
            console.MarkupLine($"[dim]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, DeviceActionUiText.LogSaved.Get(language), logFile))}[/]");
            if (result.Failure?.SymptomId is not null)
            {
                console.MarkupLine($"{T(DeviceActionUiText.DiagnoseFrom, language)} kiriwake diagnose --log {Markup.Escape(Quote(logFile))}");
            }
        }

        if (ok && result.Facts.Any(f => f.Key == Core.Facts.FactKeys.BackupVerified && f.Value == "true"))
        {
            console.MarkupLine($"[green]{T(DeviceActionUiText.GateOpen, language)}[/]");
        }
    }

    private static void Finding(IAnsiConsole console, KnowledgeBase knowledge, LogFinding finding, Language language)
    {
        console.MarkupLine($"  [dim]> {Markup.Escape(finding.Excerpt)}[/]");
        if (finding.Meaning is { } meaning)
        {
            console.MarkupLine("    " + T(meaning, language));
        }

        var symptoms = finding.Symptoms.Take(2).Select(id => knowledge.Symptoms.TryGetValue(id, out var s) ? s.Title.Get(language) : null).OfType<string>().ToList();
        if (symptoms.Count > 0)
        {
            console.MarkupLine($"    {T(DeviceUiText.Symptoms, language)}: {Markup.Escape(string.Join(" / ", symptoms))}");
        }
    }

    public static object Json(BackupMakeResult r, Language language, string? logFile) => new
    {
        status = r.Status,
        complete = r.Status == BackupMakeStatus.Complete,
        summary = DeviceActionText.Backup(r.Status).Get(language),
        folder = r.Folder,
        device = new
        {
            state = r.Device.State.FactValue(),
            udid = r.Device.Udid,
            name = r.Device.Identity.DeviceName,
            productType = r.Device.Model?.ProductType,
            model = r.Device.Model?.Name,
            buttonFamily = r.Device.Model is { NeedsConfirmation: false, Family: { } family } ? family.ToKnowledgeName() : null,
        },
        tool = new
        {
            commandLine = r.Output?.CommandLine,
            run = r.Output?.Status,
            exitCode = r.Output?.ExitCode,
            killed = r.Killed,
            result = r.Progress.Result,
            overallPercent = r.Progress.OverallPercent,
            filesReceived = r.Progress.FilesReceived,
            encrypted = r.Progress.Encrypted,
            fullBackup = r.Progress.FullBackup,
            errorCode = r.Progress.ErrorCode,
            errorText = r.Progress.ErrorText,
        },
        verdict = r.Report?.Verdict,
        filesChecked = r.Report?.FilesChecked,
        reasons = r.Report?.Reasons.Select(x => x.Name),
        freeBytes = r.FreeBytes,
        usedBytesOnDevice = r.UsedBytesOnDevice,
        symptom = r.Failure?.SymptomId,
        candidates = r.Failure?.Candidates.Select(c => new { symptom = c.SymptomId, weight = c.Weight }),
        findings = r.Findings?.Findings.Select(f => new { line = f.Line, code = f.CodeKey, excerpt = f.Excerpt, meaning = f.Meaning?.Get(language), symptoms = f.Symptoms }),
        facts = r.Facts.Select(f => new { key = f.Key, value = f.Value, source = f.Source.Origin, detail = f.Detail }),
        nextSteps = DeviceActionText.BackupNext(r).Select(s => s.Get(language)),
        logFile,
    };

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;

    private static string T(LocalizedText text, Language language) => Markup.Escape(text.Get(language));
}
