namespace Kiriwake.Core.Knowledge;

/// <summary>
/// Which notes apply where (issue 9 item 18): the security notes, warnings and "DFU only if experienced" at the step
/// they concern; prevention advice after a fix; disposal steps when the person is erasing to hand the device on.
/// Pure: the conversation and the report call it.
/// </summary>
public static class NoteSelector
{
    /// <summary>The notes to show with this step, in the files' order.</summary>
    public static IReadOnlyList<Note> ForStep(KnowledgeBase kb, string stepId)
    {
        ArgumentNullException.ThrowIfNull(kb);
        return kb.Content.Notes.Where(n => n.Steps.Contains(stepId, StringComparer.Ordinal)).ToArray();
    }

    /// <summary>The notes for the end of a report: the occasion's notes (<c>fixed</c>, <c>escalated</c>), and the
    /// disposal notes when the person is handing the device on.</summary>
    public static IReadOnlyList<Note> ForOutcome(KnowledgeBase kb, string occasion, bool handingOn = false)
    {
        ArgumentNullException.ThrowIfNull(kb);
        return kb.Content.Notes.Where(n => n.When.Contains(occasion, StringComparer.Ordinal) || (handingOn && n.When.Contains("handing-on", StringComparer.Ordinal))).ToArray();
    }
}
