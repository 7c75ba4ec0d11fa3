namespace Kiriwake.Core.Diagnosis;

/// <summary>Re-derives a session from its event log: facts (last value wins), answers (minus undone ones), the
/// belief, the gates, the transcript and the outcome.</summary>
public static class SessionReplay
{
    public static SessionSnapshot Replay(CompiledModel model, IEnumerable<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(events);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        var factTimes = new Dictionary<string, (DateTimeOffset At, string Key)>(StringComparer.Ordinal);
        var answers = new List<StepAnswered>();
        foreach (var e in InEffect(events))
        {
            switch (e)
            {
                case FactRecorded f:
                    facts[f.Key] = f.Value;
                    factTimes[f.Key] = (f.At, f.Key);
                    break;
                case StepAnswered a:
                    answers.Add(a);
                    break;
                default:
                    break;
            }
        }

        var personAnswered = answers.Select(a => a.StepId).ToHashSet(StringComparer.Ordinal);
        var state = model.Start();
        var transcript = new List<TranscriptEntry>();
        var gateFacts = new Dictionary<string, string>(facts, StringComparer.Ordinal);

        // Facts first: each answers the question bound to it, unless the person answered that question.
        for (var q = 0; q < model.QuestionCount; q++)
        {
            var question = model.Questions[q];
            if (question.FactKey is { } key && facts.TryGetValue(key, out var value) && !personAnswered.Contains(question.Id)
                && question.FactAnswers is not null && question.FactAnswers.TryGetValue(value, out var answerId))
            {
                state = state.AfterAnswer(q, AnswerIndex(model, q, answerId));
                transcript.Add(new TranscriptEntry(new StepRef(StepKind.Question, question.Id), answerId, AnswerSource.Fact, factTimes[key].At, key));
            }
        }

        // The gates as they stand after every answer: a step that opens a gate (making a verified backup) counts as
        // done only when its gate did open (a verified backup, a fact); otherwise it was tried without result.
        var finalGates = new Dictionary<string, string>(gateFacts, StringComparer.Ordinal);
        foreach (var a in answers)
        {
            if (model.TryFindStep(a.StepId, out var s) && s.Kind == StepKind.Question)
            {
                ImplyGateFact(model.Questions[s.Index], a.Answer, finalGates);
            }
        }

        var gatesAtEnd = GateState.FromFacts(finalGates);
        var outcome = SessionOutcome.InProgress;
        StepRef? fixedBy = null;
        foreach (var a in answers)
        {
            if (outcome != SessionOutcome.InProgress)
            {
                throw new SessionException($"step '{a.StepId}' was answered after the session ended");
            }

            if (!model.TryFindStep(a.StepId, out var step))
            {
                throw new SessionException($"unknown step '{a.StepId}'");
            }

            var reference = model.Describe(step);
            switch (step.Kind)
            {
                case StepKind.Question:
                    if (state.IsQuestionAnswered(step.Index))
                    {
                        throw new SessionException($"question '{a.StepId}' was answered twice");
                    }

                    var index = AnswerIndex(model, step.Index, a.Answer);
                    state = state.AfterAnswer(step.Index, index);
                    ImplyGateFact(model.Questions[step.Index], a.Answer, gateFacts);
                    break;
                case StepKind.Action:
                    if (state.IsActionUsed(step.Index))
                    {
                        throw new SessionException($"action '{a.StepId}' was answered twice");
                    }

                    switch (a.Answer)
                    {
                        case StepAnswers.Fixed:
                            outcome = SessionOutcome.Fixed;
                            fixedBy = reference;
                            break;
                        case StepAnswers.NotFixed when model.Actions[step.Index].Opens is { } opens && !gatesAtEnd.Holds(opens):
                            state = state.AfterSkip(step.Index);
                            break;
                        case StepAnswers.NotFixed:
                            state = state.AfterFailure(step.Index);
                            break;
                        case StepAnswers.Skipped:
                            state = state.AfterSkip(step.Index);
                            break;
                        default:
                            throw new SessionException($"action '{a.StepId}' takes {string.Join(", ", StepAnswers.ForAction)}, not '{a.Answer}'");
                    }

                    break;
                default:
                    if (!string.Equals(a.Answer, StepAnswers.Escalated, StringComparison.Ordinal))
                    {
                        throw new SessionException($"escalation '{a.StepId}' takes '{StepAnswers.Escalated}', not '{a.Answer}'");
                    }

                    outcome = SessionOutcome.Escalated;
                    fixedBy = reference;
                    break;
            }

            transcript.Add(new TranscriptEntry(reference, a.Answer, AnswerSource.Person, a.At, null));
        }

        return new SessionSnapshot(state, GateState.FromFacts(gateFacts), facts, transcript, outcome, fixedBy);
    }

    /// <summary>The events still in effect: each <see cref="AnswerUndone"/> removes the last answer before it (an
    /// answered step or a fact that answered a prompt) and is itself dropped; an undo with nothing to take back does nothing.</summary>
    public static IReadOnlyList<SessionEvent> InEffect(IEnumerable<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = new List<SessionEvent>();
        foreach (var e in events)
        {
            if (e is not AnswerUndone)
            {
                list.Add(e);
                continue;
            }

            var last = list.FindLastIndex(IsAnswer);
            if (last >= 0)
            {
                list.RemoveAt(last);
            }
        }

        return list;
    }

    /// <summary>An event that undo takes back.</summary>
    public static bool IsAnswer(SessionEvent e) => e is StepAnswered or FactRecorded { IsAnswer: true };

    private static int AnswerIndex(CompiledModel model, int question, string answerId)
    {
        var ids = model.AnswerIds[question];
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], answerId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new SessionException($"question '{model.QuestionIds[question]}' takes {string.Join(", ", ids)}, not '{answerId}'");
    }

    /// <summary>A question bound to a gate fact (e.g. "is your backup verified?") sets that fact when answered.</summary>
    private static void ImplyGateFact(ModelQuestion question, string answerId, Dictionary<string, string> gateFacts)
    {
        if (question.FactKey is not { } key || question.FactAnswers is null || !GateState.GateFactKeys.Contains(key, StringComparer.Ordinal))
        {
            return;
        }

        var value = question.FactAnswers.Where(kv => string.Equals(kv.Value, answerId, StringComparison.Ordinal))
            .Select(kv => kv.Key).OrderBy(v => v, StringComparer.Ordinal).FirstOrDefault();
        if (value is not null)
        {
            gateFacts[key] = value;
        }
    }
}
