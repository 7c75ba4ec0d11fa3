using System.Globalization;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>The conversation's own prompts: the gate question before ending, the platform and the device's model.</summary>
public sealed partial class DiagnosisConversation
{
    /// <summary>
    /// Before the session hands over or ends, a step held back by a gate the person can open gets one question: a
    /// verified backup, or explicit acceptance of losing data, for a data-loss step; the owner's consent for
    /// someone else's device, once no other gate holds that step back. Each gate is asked once (its answer is
    /// recorded as a fact with a gate source).
    /// </summary>
    private GatePrompt? PendingGate()
    {
        var facts = Snapshot.Facts;
        var asked = SessionReplay.InEffect(Events).OfType<FactRecorded>()
            .Where(f => f.Source.StartsWith(GateSourcePrefix, StringComparison.Ordinal))
            .Select(f => f.Source[GateSourcePrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var held = HeldBackSteps().Where(h => h.FixProbability > 0).ToArray();
        foreach (var gate in new[] { Gate.BackupVerified, Gate.OwnerConsent })
        {
            // The owner's consent is asked only for a step that nothing else holds back: after "no backup, do not
            // erase", asking whether the owner consents to that erase is a question without a use.
            var titles = held.Where(h => h.MissingGates.Contains(gate) && (gate == Gate.BackupVerified || h.MissingGates.All(g => g == gate)))
                .Select(h => h.Title).Distinct(StringComparer.Ordinal).ToArray();
            var known = gate == Gate.BackupVerified && (facts.ContainsKey(FactKeys.BackupVerified) || facts.ContainsKey(FactKeys.DataLossAccepted));
            if (titles.Length == 0 || known || asked.Contains(KebabNames.Of(gate)))
            {
                continue;
            }

            var sep = Language == Language.Ja ? "、" : ", ";
            if (gate == Gate.BackupVerified)
            {
                return new GatePrompt(gate, string.Format(CultureInfo.InvariantCulture, ConversationText.GateBackup.Get(Language), string.Join(sep, titles)), titles,
                [
                    new("backup-verified", ConversationText.GateBackupVerified.Get(Language)),
                    new("accept-loss", ConversationText.GateAcceptLoss.Get(Language)),
                    new("no", ConversationText.GateBackupNo.Get(Language)),
                ]);
            }

            return new GatePrompt(gate, string.Format(CultureInfo.InvariantCulture, ConversationText.GateConsent.Get(Language), string.Join(sep, titles)), titles,
            [
                new("yes", ConversationText.GateConsentYes.Get(Language)),
                new("no", ConversationText.GateConsentNo.Get(Language)),
            ]);
        }

        return null;
    }

    /// <summary>The fact a gate answer records.</summary>
    public static (string Key, string Value) GateFact(Gate gate, string answer) => (gate, answer) switch
    {
        (Gate.BackupVerified, "backup-verified") => (FactKeys.BackupVerified, "true"),
        (Gate.BackupVerified, "accept-loss") => (FactKeys.DataLossAccepted, "true"),
        (Gate.BackupVerified, _) => (FactKeys.BackupVerified, "false"),
        (Gate.OwnerConsent, "yes") => (FactKeys.OwnerConsent, "true"),
        _ => (FactKeys.OwnerConsent, "false"),
    };

    private ConversationPrompt? ContextPrompt(string stepId)
    {
        var context = Context;
        var facts = Snapshot.Facts;
        if (context.Platform is null && !facts.ContainsKey(FactKeys.ComputerPlatform) && context.PlatformCandidates.Count > 1 && _views.NeedsPlatform(stepId))
        {
            var choices = context.PlatformCandidates.Select(p => new AnswerChoice(KebabNames.Of(p), ConversationText.PlatformName(p).Get(Language)))
                .Append(new AnswerChoice(UnknownValue, ConversationText.Unknown.Get(Language))).ToArray();
            return new PlatformPrompt(ConversationText.AskPlatform.Get(Language), choices);
        }

        if (context.Family is null && !facts.ContainsKey(FactKeys.DeviceButtonFamily) && _views.NeedsFamily(stepId))
        {
            var choices = Enum.GetValues<ButtonFamily>().Select(f => new AnswerChoice(KebabNames.Of(f), ConversationText.FamilyName(f).Get(Language)))
                .Append(new AnswerChoice(UnknownValue, ConversationText.Unknown.Get(Language))).ToArray();
            return new DevicePrompt(ConversationText.AskDevice.Get(Language), choices);
        }

        return null;
    }

    /// <summary>A model name as 設定 > 一般 > 情報 shows it, or a ProductType: its family, when the name is found and
    /// names one family.</summary>
    private AnswerResult AnswerDevice(string input, EventActor who, DateTimeOffset at)
    {
        var text = input.Trim();
        var resolution = text.Length == 0 ? null : ModelResolver.Resolve(Knowledge, text);
        if (resolution?.Family is not { } family)
        {
            return AnswerResult.Rejected(string.Format(CultureInfo.InvariantCulture, ConversationText.ModelNotFound.Get(Language), text));
        }

        _session.Record(new FactRecorded(FactKeys.DeviceButtonFamily, KebabNames.Of(family), "person", at) { Actor = who, By = _options.By, IsAnswer = true });
        var name = resolution.Candidates.Count > 0 ? resolution.Candidates[0].Name : text;
        return new AnswerResult(true, string.Format(CultureInfo.InvariantCulture, ConversationText.ModelFound.Get(Language), name), KebabNames.Of(family));
    }

    private TechnicianView Technician(Recommendation rec) => new(
        rec.Step.Id,
        rec.Step.Kind,
        rec.Method,
        rec.ExpectedCost,
        rec.FixProbability,
        rec.Cost,
        rec.TopCauses.Select(c => new TechnicianCause(c.CauseId, _views.CauseTitle(c.CauseId), c.Probability)).ToArray(),
        rec.RunnerUp is { } r ? new TechnicianAlternative(r.Step.Id, _views.Title(r.Step.Id), r.ExpectedCost) : null,
        HeldBackSteps());

    private FinishPrompt Finish()
    {
        var snapshot = Snapshot;
        StepView? escalation = null;
        if (snapshot.Outcome == SessionOutcome.Escalated && snapshot.FixedBy is { } by)
        {
            escalation = _views.Build(Model, by, AnsweredSteps, Context, HeldBackSteps());
        }

        return new FinishPrompt(snapshot.Outcome, escalation);
    }
}
