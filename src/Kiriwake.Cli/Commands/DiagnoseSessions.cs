using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`diagnose --sessions` and a bare `--resume`: the saved sessions of the state folder, newest first,
/// each replayed to tell whether it is finished.</summary>
internal sealed class DiagnoseSessions(CliContext context, KnowledgeModels models, Language language)
{
    public IReadOnlyList<SavedSession> Read() => SessionFile.List(context.SessionsFolder)
        .Where(s => models.Knowledge.Symptoms.ContainsKey(s.Log.Symptom))
        .Select(s =>
        {
            var conversation = DiagnosisConversation.Resume(models, s.Log, new ConversationOptions { Language = language, PlatformCandidates = context.PlatformCandidates, AskContext = false }, context.Time);
            var report = conversation.Report();
            var last = s.Log.Events.Count > 0 ? s.Log.Events.Max(e => e.At) : (DateTimeOffset?)null;
            return new SavedSession(s.Path, s.Log.Symptom, report.SymptomTitle, report.Outcome, conversation.AnsweredSteps, last);
        })
        .ToArray();

    /// <summary>The newest session that is not finished, or null.</summary>
    public string? LatestUnfinished() => Read().FirstOrDefault(s => s.Outcome == SessionOutcome.InProgress)?.Path;

    public int List(bool json)
    {
        var sessions = Read();
        if (json)
        {
            CliJson.Write(context, sessions);
            return ExitCodes.Success;
        }

        if (sessions.Count == 0)
        {
            context.OutWriter.WriteLine(DiagnoseText.SessionsNone.Get(language));
            return ExitCodes.Success;
        }

        context.OutWriter.WriteLine(DiagnoseText.SessionsHeading.Get(language));
        var n = 1;
        foreach (var s in sessions)
        {
            var state = s.Outcome == SessionOutcome.InProgress ? DiagnoseText.SessionPaused : DiagnoseText.SessionFinished;
            var when = s.LastEvent?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
            context.OutWriter.WriteLine($"  {n++.ToString(CultureInfo.InvariantCulture)}. {when}  {s.Title}  ({state.Get(language)}, {string.Format(CultureInfo.InvariantCulture, DiagnoseText.SessionAnswers.Get(language), s.Answered)})");
            context.OutWriter.WriteLine($"     {s.Path}");
        }

        if (sessions.Any(s => s.Outcome == SessionOutcome.InProgress))
        {
            context.Error.MarkupLine($"[grey]{Markup.Escape(DiagnoseText.ResumeHint.Get(language))}[/]");
        }

        return ExitCodes.Success;
    }
}

/// <summary>One saved session as listed.</summary>
internal sealed record SavedSession(string Path, string Symptom, string Title, SessionOutcome Outcome, int Answered, DateTimeOffset? LastEvent);
