using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>
/// The knowledge this server diagnoses with: the knowledge base with the overlay an admin approved (kept in the
/// database, so every server of a helpdesk uses the same one), or — while none is approved — the `--learned` folder
/// named at start, or the knowledge base alone. <see cref="ApprovedOverlayWatcher"/> re-reads the approval every few
/// seconds; the server that approves switches at once. Sessions already running continue on the new probabilities:
/// an overlay changes probabilities only, never steps, gates, risks or costs.
/// </summary>
public sealed class ServedKnowledge
{
    private readonly KnowledgeModels _fallback;
    private volatile Served _current;

    public ServedKnowledge(KnowledgeBase knowledgeBase, KnowledgeBase fallback)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        KnowledgeBase = knowledgeBase;
        _fallback = new KnowledgeModels(fallback);
        _current = new Served(null, _fallback);
    }

    /// <summary>The knowledge base alone: learning always starts from it (an overlay over an overlay would count cases twice).</summary>
    public KnowledgeBase KnowledgeBase { get; }

    public KnowledgeModels Current => _current.Models;

    /// <summary>The id of the approved overlay in use, or null.</summary>
    public long? ApprovedId => _current.OverlayId;

    /// <summary>Switches to the approved overlay in the database (or back to the fallback when none is approved).</summary>
    public async Task RefreshAsync(LearningContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Overlays.AsNoTracking()
            .Where(o => o.Status == LearnedOverlayStatus.Approved)
            .OrderByDescending(o => o.Id)
            .Select(o => new { o.Id, o.Overlay })
            .FirstOrDefaultAsync(cancellationToken);
        Use(row?.Id, row is null ? null : OverlayJson.Read(row.Overlay));
    }

    public void Use(long? id, LearnedOverlay? overlay)
    {
        if (id == _current.OverlayId)
        {
            return;
        }

        _current = id is null || overlay is null
            ? new Served(null, _fallback)
            : new Served(id, new KnowledgeModels(OverlayApplier.Apply(KnowledgeBase, overlay)));
    }

    private sealed record Served(long? OverlayId, KnowledgeModels Models);
}
