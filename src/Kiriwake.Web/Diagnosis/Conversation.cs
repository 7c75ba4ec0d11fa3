using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Diagnosis;

public enum PromptKind
{
    Step,
    Gate,
    Finished,
}

/// <summary>What the session asks now: a step, the backup gate, or nothing (it is over).</summary>
public sealed record Prompt(PromptKind Kind, Recommendation? Recommendation, IReadOnlyList<string> HeldBack)
{
    public const string GateId = "gate-backup";

    public string? StepId => Kind switch
    {
        PromptKind.Step => Recommendation!.Step.Id,
        PromptKind.Gate => GateId,
        _ => null,
    };
}

/// <summary>An answer the current prompt does not offer, or an undo with nothing to take back.</summary>
public sealed class AnswerRejectedException(string message) : Exception(message)
{
    public AnswerRejectedException()
        : this("answer rejected")
    {
    }

    public AnswerRejectedException(string message, Exception innerException)
        : this(message) => _ = innerException;
}

/// <summary>
/// One session rebuilt from its log: the replayed snapshot and what it asks now. Answers are checked against
/// what is offered and turned into events; nothing is stored here (the caller appends the events).
/// </summary>
public sealed class Conversation
{
    public const string AnswerBackupVerified = "backup-verified";
    public const string AnswerAcceptLoss = "accept-loss";
    public const string AnswerNo = "no";

    private readonly KnowledgeHost _host;

    public Conversation(KnowledgeHost host, SessionRow row)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(row);
        _host = host;
        Row = row;
        Model = host.Model(row.SymptomId);
        Events = row.Events.Select(EventRows.FromRow).ToList();
        Snapshot = SessionReplay.Replay(Model, Events);
        Prompt = Decide();
    }

    public SessionRow Row { get; }

    public CompiledModel Model { get; }

    public IReadOnlyList<SessionEvent> Events { get; }

    public SessionSnapshot Snapshot { get; }

    public Prompt Prompt { get; }

    public KnowledgeBase Knowledge => _host.Knowledge;

    /// <summary>The answer values the current prompt offers.</summary>
    public IReadOnlyList<string> Offered() => Prompt.Kind switch
    {
        PromptKind.Gate => [AnswerBackupVerified, AnswerAcceptLoss, AnswerNo],
        PromptKind.Step when Model.TryFindStep(Prompt.StepId!, out var c) => c.Kind switch
        {
            StepKind.Question => Model.AnswerIds[c.Index],
            StepKind.Action => StepAnswers.ForAction,
            _ => [StepAnswers.Escalated],
        },
        _ => [],
    };

    /// <summary>The events that record this answer to the current prompt.</summary>
    /// <exception cref="AnswerRejectedException">The session is over, the step is not the current one, or the answer is not offered.</exception>
    public IReadOnlyList<SessionEventRow> Answer(string stepId, string answer, string actor, DateTimeOffset at)
    {
        if (Prompt.Kind == PromptKind.Finished)
        {
            throw new AnswerRejectedException("This session is finished; it takes no more answers.");
        }

        if (!string.Equals(stepId, Prompt.StepId, StringComparison.Ordinal))
        {
            throw new AnswerRejectedException($"Step '{stepId}' is not the current step; the current step is '{Prompt.StepId}'.");
        }

        var offered = Offered();
        if (!offered.Contains(answer, StringComparer.Ordinal))
        {
            throw new AnswerRejectedException($"'{answer}' is not an answer to step '{stepId}'; it takes {string.Join(", ", offered.Select(o => $"'{o}'"))}.");
        }

        SessionEvent e = Prompt.Kind == PromptKind.Gate
            ? answer switch
            {
                AnswerBackupVerified => new FactRecorded(FactKeys.BackupVerified, "true", actor, at),
                AnswerAcceptLoss => new FactRecorded(FactKeys.DataLossAccepted, "true", actor, at),
                _ => new FactRecorded(FactKeys.BackupVerified, "false", actor, at),
            }
            : new StepAnswered(stepId, answer, at);
        Check(e);
        return [EventRows.ToRow(e, actor)];
    }

    /// <summary>The event that takes back the person's last answer.</summary>
    public IReadOnlyList<SessionEventRow> Undo(string actor, DateTimeOffset at)
    {
        if (Snapshot.Transcript.All(t => t.Source != AnswerSource.Person))
        {
            throw new AnswerRejectedException("There is no answer to take back.");
        }

        var e = new AnswerUndone(at);
        Check(e);
        return [EventRows.ToRow(e, actor)];
    }

    /// <summary>A fact read by evidence (a verified backup, the device) or stated by the person.</summary>
    public IReadOnlyList<SessionEventRow> Fact(string key, string value, string source, string actor, DateTimeOffset at)
    {
        var e = new FactRecorded(key, value, source, at);
        Check(e);
        return [EventRows.ToRow(e, actor)];
    }

    /// <summary>Actions held back by the backup gate that could still fix the fault.</summary>
    public IReadOnlyList<string> HeldByBackup() =>
        Enumerable.Range(0, Model.ActionCount)
            .Where(a => !Snapshot.State.IsActionUsed(a) && Snapshot.State.FixProbability(a) > 0)
            .Where(a => Snapshot.Gates.Missing(Model.Actions[a].Risk, Model.Actions[a].Gates).Contains(Gate.BackupVerified))
            .Select(a => Model.ActionIds[a]).ToArray();

    private void Check(SessionEvent e)
    {
        try
        {
            _ = SessionReplay.Replay(Model, [.. Events, e]);
        }
        catch (SessionException ex)
        {
            throw new AnswerRejectedException(ex.Message);
        }
    }

    private Prompt Decide()
    {
        var rec = _host.Policies.Recommend(Model, Snapshot);
        var ending = Snapshot.Outcome == SessionOutcome.InProgress
            && (rec is null || rec.Step.Kind == StepKind.Escalation);
        if (ending)
        {
            var answered = Snapshot.Facts.ContainsKey(FactKeys.BackupVerified) || Snapshot.Facts.ContainsKey(FactKeys.DataLossAccepted);
            var held = HeldByBackup();
            if (!answered && held.Count > 0)
            {
                return new Prompt(PromptKind.Gate, rec, held);
            }
        }

        return rec is null ? new Prompt(PromptKind.Finished, null, []) : new Prompt(PromptKind.Step, rec, []);
    }
}
