using System.Text.Json;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>What the closing form gives: the outcome, the escalation target, the confirmed cause, the ticked criteria.</summary>
public sealed record CloseRequest(string? Outcome, string? EscalatedTo, string? ConfirmedCause, IReadOnlyCollection<string> Ticked);

/// <summary>What the consent form gives: who consented, when, how, and to which steps.</summary>
public sealed record ConsentRequest(string? ConsentedBy, DateTimeOffset? ConsentedAt, string? Method, IReadOnlyCollection<string> Steps);

/// <summary>
/// Cases end to end: the hand-over of a person's session, staff answering in the same conversation (each answer with
/// its actor and account, audited), the owner's consent that opens the owner-consent gate, closing with the
/// acceptance criteria and an outcome. Holds nothing in memory: every call reads the store.
/// </summary>
public sealed class CaseService(KnowledgeModels models, SessionStore sessions, HelpdeskContext db, AuditLog audit, TimeProvider time)
{
    public const string ConsentSourcePrefix = "consent:";

    private static readonly JsonSerializerOptions s_compact = new(ConversationJson.Options) { WriteIndented = false };

    public KnowledgeBase Knowledge => models.Knowledge;

    /// <summary>The case of a person's session, made on the first request (the same code on every later one).</summary>
    public async Task<HelpdeskCase?> HandOverAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await sessions.LoadAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var row = new HelpdeskCase
        {
            Code = CaseCodes.New(),
            SessionId = session.Id,
            SymptomId = session.SymptomId,
            Language = session.Language,
            Status = CaseStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
            Log = session.Log,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.Cases.Add(row);
                await db.SaveChangesAsync(ct);
                await audit.AppendAsync(new AuditEntry("person", "case-opened", row.Code, Json(new { symptom = row.SymptomId })), ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two taps at once: the other request made the case (the session id is unique).
            db.ChangeTracker.Clear();
            return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return row;
    }

    /// <summary>The code of a session's case (null: not handed over).</summary>
    public Task<string?> CodeOfSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Where(c => c.SessionId == sessionId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The case for a code typed by staff (null: no such case).</summary>
    public async Task<CaseView?> OpenAsync(string code, Language language, Staff staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (CaseCodes.Normalize(code) is not { } normal)
        {
            return null;
        }

        var row = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normal, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var log = row.Log;
        var count = -1;
        if (row.Status != CaseStatus.Closed && await sessions.LoadAsync(row.SessionId, cancellationToken) is { } session)
        {
            log = session.Log;
            count = session.EventCount;
        }

        var conversation = DiagnosisConversation.Resume(models, SessionLogCodec.Decode(log, row.Code), Options(language, staff), time);
        var consents = await db.Consents.AsNoTracking().Where(c => c.CaseCode == row.Code).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new CaseView(row, conversation, conversation.Next(), count, consents);
    }

    /// <summary>Answers the current prompt as the staff member; audited.</summary>
    /// <exception cref="CaseRuleException">Closed case, stale step, an answer not offered, the owner's consent given
    /// without a record, or a data-loss step answered by someone who is not a technician.</exception>
    public async Task AnswerAsync(CaseView view, string stepId, string value, Staff staff, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(staff);
        var ja = language == Language.Ja;
        EnsureOpen(view, ja);
        var prompt = view.Prompt;
        if (prompt is FinishPrompt || !string.Equals(stepId, prompt.Id, StringComparison.Ordinal))
        {
            throw new CaseRuleException(ja ? "このステップはもう現在のステップではありません。ページを読み込み直してください。" : "This step is no longer the current step. Reload the page.");
        }

        if (!prompt.Choices.Any(c => string.Equals(c.Value, value, StringComparison.Ordinal)))
        {
            throw new CaseRuleException(ja ? "この回答は選べません。" : "That answer is not offered.");
        }

        if (prompt is GatePrompt { Gate: Gate.OwnerConsent } && value == "yes")
        {
            throw new CaseRuleException(ja
                ? "所有者の同意は、技術担当が同意の記録(誰が、いつ、何に、どの方法で)を残して初めて有効になります。"
                : "The owner's consent counts only once a technician records it (who, when, to what, how).", forbidden: !staff.IsTechnician);
        }

        if (prompt is StepPrompt step && IsDataLoss(view.Conversation, step.View.StepId) && !staff.IsTechnician)
        {
            throw new CaseRuleException(ja ? "データが消える手順の結果は技術担当だけが記録できます。" : "Only a technician records the result of a step that erases data.", forbidden: true);
        }

        var result = view.Conversation.Answer(value, staff.Actor);
        if (!result.Accepted)
        {
            throw new CaseRuleException(result.Message ?? "not accepted");
        }

        await SaveAsync(view, staff, "answer", new { step = stepId, answer = value, role = staff.Role, actor = staff.Actor.ToString() }, cancellationToken);
    }

    /// <summary>Takes back the last answer (whoever gave it); audited.</summary>
    public async Task UndoAsync(CaseView view, Staff staff, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        EnsureOpen(view, language == Language.Ja);
        if (view.Prompt is FinishPrompt { Outcome: SessionOutcome.Escalated })
        {
            view.Conversation.Undo();
        }

        if (!view.Conversation.Undo())
        {
            throw new CaseRuleException(language == Language.Ja ? "取り消す回答がありません。" : "There is no answer to take back.");
        }

        await SaveAsync(view, staff, "undo", new { role = staff.Role }, cancellationToken);
    }

    /// <summary>The data-loss steps that wait for the owner's consent now (their ids and titles).</summary>
    public static IReadOnlyList<HeldBackStep> AwaitingConsent(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Conversation.HeldBackSteps().Where(h => h.FixProbability > 0 && h.MissingGates.Contains(Gate.OwnerConsent)).ToArray();
    }

    /// <summary>Records the owner's consent (technicians only) and opens the owner-consent gate; audited.</summary>
    public async Task<ConsentRecord> RecordConsentAsync(CaseView view, ConsentRequest request, Staff staff, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var ja = language == Language.Ja;
        if (!staff.IsTechnician)
        {
            throw new CaseRuleException(ja ? "所有者の同意を記録できるのは技術担当だけです。" : "Only a technician records the owner's consent.", forbidden: true);
        }

        EnsureOpen(view, ja);
        var name = request.ConsentedBy?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            throw new CaseRuleException(ja ? "同意した人の名前を入れてください(200文字まで)。" : "Enter the name of the person who consented (up to 200 characters).");
        }

        if (request.Method is not { } method || !ConsentMethods.All.Contains(method))
        {
            throw new CaseRuleException(ja ? "同意の方法(対面・電話・署名した書面)を選んでください。" : "Choose how consent was given (in person, phone, signed form).");
        }

        var now = time.GetUtcNow();
        if (request.ConsentedAt is not { } at || at > now + TimeSpan.FromMinutes(5))
        {
            throw new CaseRuleException(ja ? "同意した日時を入れてください(未来の日時は入れられません)。" : "Enter when consent was given (not in the future).");
        }

        var awaiting = AwaitingConsent(view);
        var steps = awaiting.Where(h => request.Steps.Contains(h.ActionId)).ToArray();
        if (steps.Length == 0)
        {
            throw new CaseRuleException(ja ? "同意の対象となる手順を一つ以上選んでください。" : "Choose at least one step the owner consented to.");
        }

        var record = new ConsentRecord
        {
            CaseCode = view.Case.Code,
            ConsentedBy = name,
            ConsentedAt = at.ToUniversalTime(),
            Scope = string.Join(" / ", steps.Select(s => s.Title)),
            Steps = JsonSerializer.Serialize(steps.Select(s => s.ActionId).ToArray()),
            Method = method,
            RecordedBy = staff.Name,
            RecordedAt = now,
        };
        await SaveAsync(view, staff, "consent", new { consentedBy = name, consentedAt = record.ConsentedAt, method, steps = steps.Select(s => s.ActionId).ToArray() }, cancellationToken,
            extraEvent: new FactRecorded(FactKeys.OwnerConsent, "true", ConsentSourcePrefix + method, now) { Actor = EventActor.Technician, By = staff.Name },
            consent: record);
        return record;
    }

    /// <summary>Marks the case as waiting for the person (or open again); audited.</summary>
    public async Task SetWaitingAsync(CaseView view, bool waiting, Staff staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        EnsureOpen(view, ja: false);
        view.Case.Status = waiting ? CaseStatus.Waiting : CaseStatus.Open;
        await SaveAsync(view, staff, waiting ? "case-waiting" : "case-reopened", new { }, cancellationToken);
    }

    /// <summary>The acceptance criteria that must be ticked to close the case as fixed.</summary>
    public static IReadOnlyList<AcceptanceCriterion> Acceptance(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return DiagnosisReport.AcceptanceFor(view.Conversation);
    }

    /// <summary>Closes the case: fixed (by the step the conversation records as the fix, every acceptance criterion
    /// ticked) or escalated (to Apple, a repair shop or the device's administrator). Stores the report; audited.</summary>
    public async Task CloseAsync(CaseView view, CloseRequest request, Staff staff, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var ja = language == Language.Ja;
        EnsureOpen(view, ja);
        var conversation = view.Conversation;
        var snapshot = conversation.Snapshot;
        var row = view.Case;
        string resolvedBy;
        string? escalatedTo = null;
        string[] ticked = [];
        switch (request.Outcome)
        {
            case CaseOutcomes.Fixed:
                if (snapshot.Outcome != SessionOutcome.Fixed || snapshot.FixedBy is not { } fix)
                {
                    throw new CaseRuleException(ja
                        ? "「解決」で閉じるには、直した手順に「直った」と答えてください。"
                        : "To close as fixed, answer \"fixed\" on the step that fixed it.");
                }

                var criteria = Acceptance(view);
                var missing = criteria.Where(c => !request.Ticked.Contains(c.Id)).ToArray();
                if (missing.Length > 0)
                {
                    throw new CaseRuleException((ja ? "受け入れ基準がすべて確認されていません: " : "Not every acceptance criterion is ticked: ")
                        + string.Join(" / ", missing.Select(m => m.Text.Get(language))));
                }

                resolvedBy = fix.Id;
                ticked = criteria.Select(c => c.Id).ToArray();
                break;
            case CaseOutcomes.Escalated:
                if (request.EscalatedTo is not { } target || !EscalationTargets.All.Contains(target))
                {
                    throw new CaseRuleException(ja ? "引き継ぎ先(Apple、修理店、デバイスの管理者)を選んでください。" : "Choose where it goes (Apple, a repair shop, the device's administrator).");
                }

                escalatedTo = target;
                resolvedBy = snapshot.Outcome == SessionOutcome.Escalated && snapshot.FixedBy is { } esc && EscalationTarget(esc.Id) == target
                    ? esc.Id
                    : EscalationFor(row.SymptomId, target);
                break;
            default:
                throw new CaseRuleException(ja ? "結果(解決、または引き継ぎ)を選んでください。" : "Choose an outcome (fixed, or escalated).");
        }

        var cause = string.IsNullOrWhiteSpace(request.ConfirmedCause) ? null : request.ConfirmedCause.Trim();
        if (cause is not null && !Causes(row.SymptomId).Contains(cause, StringComparer.Ordinal))
        {
            throw new CaseRuleException(ja ? "この症状の原因の一覧から選んでください。" : "Choose a cause from this symptom's list.");
        }

        var now = time.GetUtcNow();
        var reportLanguage = SessionService.ParseLanguage(row.Language) ?? Language.Ja;
        var reportConversation = DiagnosisConversation.Resume(models, conversation.Log, new ConversationOptions { Language = reportLanguage }, time);
        row.Status = CaseStatus.Closed;
        row.Outcome = request.Outcome;
        row.ResolvedBy = resolvedBy;
        row.ConfirmedCause = cause;
        row.EscalatedTo = escalatedTo;
        row.Acceptance = JsonSerializer.Serialize(ticked);
        row.ClosedAt = now;
        row.ClosedBy = staff.Name;
        row.Report = JsonSerializer.Serialize(reportConversation.Report(), s_compact);
        await SaveAsync(view, staff, "close", new { outcome = request.Outcome, resolvedBy, confirmedCause = cause, escalatedTo, acceptance = ticked }, cancellationToken);
    }

    /// <summary>The causes of a symptom (its prior), for the "confirmed cause" choice.</summary>
    public IReadOnlyList<string> Causes(string symptomId) =>
        Knowledge.Symptoms.TryGetValue(symptomId, out var s) ? s.Prior.Select(p => p.CauseId).ToArray() : [];

    /// <summary>Which target an escalation id hands over to.</summary>
    public static string? EscalationTarget(string escalationId) => escalationId switch
    {
        _ when escalationId.StartsWith("apple-support", StringComparison.Ordinal) => EscalationTargets.Apple,
        "repair-shop" => EscalationTargets.RepairShop,
        "device-administrator" => EscalationTargets.DeviceAdministrator,
        _ => null,
    };

    /// <summary>The escalation of the knowledge base for a target: the symptom's own first, else any.</summary>
    private string EscalationFor(string symptomId, string target)
    {
        var own = Knowledge.Symptoms.TryGetValue(symptomId, out var s) ? s.EscalationIds : [];
        return own.Concat(Knowledge.Escalations.Keys).FirstOrDefault(id => EscalationTarget(id) == target) ?? target;
    }

    private static bool IsDataLoss(DiagnosisConversation conversation, string stepId) =>
        conversation.Model.TryFindStep(stepId, out var choice) && conversation.Model.RiskOf(choice) == Risk.DataLoss;

    private static void EnsureOpen(CaseView view, bool ja)
    {
        if (view.Closed)
        {
            throw new CaseRuleException(ja ? "この案件は閉じられています。" : "This case is closed.");
        }
    }

    /// <summary>Writes the conversation to the person's session (when it still exists) and to the case, with the audit
    /// row: all three in one transaction.</summary>
    private async Task SaveAsync(CaseView view, Staff staff, string action, object detail, CancellationToken cancellationToken,
        SessionEvent? extraEvent = null, ConsentRecord? consent = null)
    {
        var conversation = view.Conversation;
        var log = conversation.Log;
        if (extraEvent is not null)
        {
            log = log with { Events = [.. log.Events, extraEvent] };
            conversation = DiagnosisConversation.Resume(models, log, Options(conversation.Language, staff), time);
        }

        // Next() may record the hand-over to an escalation: ask before storing.
        conversation.Next();
        log = conversation.Log;
        var encoded = SessionLogCodec.Encode(log);
        var now = time.GetUtcNow();
        var session = view.SessionAlive ? await sessions.LoadAsync(view.Case.SessionId, cancellationToken) : null;
        if (session is not null)
        {
            session.Log = encoded;
            session.EventCount = log.Events.Count;
            session.ExpiresAt = now + TimeSpan.FromDays(7) > session.ExpiresAt ? now + TimeSpan.FromDays(7) : session.ExpiresAt;
        }

        var row = view.Case;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (session is not null)
            {
                // The person's session, the case and the audit row commit together: no answer without its audit row.
                await using var store = await SharedTransaction.JoinAsync(db, StoreContext.On, ct);
                await SessionStore.SaveLogInTransactionAsync(store, session, view.SessionEventCount, ct);
            }

            var tracked = await db.Cases.FirstAsync(c => c.Code == row.Code, ct);
            tracked.Log = encoded;
            tracked.UpdatedAt = now;
            tracked.Status = row.Status == CaseStatus.Waiting && action is "answer" or "undo" or "consent" ? CaseStatus.Open : row.Status;
            tracked.ClosedAt = row.ClosedAt;
            tracked.ClosedBy = row.ClosedBy;
            tracked.Outcome = row.Outcome;
            tracked.ResolvedBy = row.ResolvedBy;
            tracked.ConfirmedCause = row.ConfirmedCause;
            tracked.EscalatedTo = row.EscalatedTo;
            tracked.Acceptance = row.Acceptance;
            tracked.Report = row.Report;
            if (consent is not null)
            {
                db.Consents.Add(consent);
            }

            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(staff.Name, action, row.Code, Json(detail)), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static ConversationOptions Options(Language language, Staff staff) => new() { Language = language, Actor = staff.Actor, By = staff.Name };

    private static string Json(object value) => JsonSerializer.Serialize(value, s_compact);
}
