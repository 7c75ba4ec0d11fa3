using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Learning;

namespace Kiriwake.Learning;

/// <summary>What learning produced: the overlay, the knowledge base with it applied, and per symptom the prior before and after.</summary>
/// <param name="NotClosed">Cases read but not learned from because they were still in progress.</param>
/// <param name="NotFixed">Closed cases the person did not fix (escalated or unresolved): the ones a technician sees.</param>
/// <param name="NotFixedConfirmed">Of those, the cases whose cause a technician confirmed. Without such cases some
/// probabilities cannot be told apart from transcripts alone (docs/learning.md, "Confirmed causes").</param>
public sealed record LearningResult(LearnedOverlay Overlay, KnowledgeBase Learned, IReadOnlyList<SymptomLearning> Symptoms, int NotClosed, int NotFixed = 0, int NotFixedConfirmed = 0);

/// <summary>One symptom's cases and its prior before and after (cause id → probability, sorted by id).</summary>
/// <param name="Moved">Whether the symptom had enough cases for its prior to move.</param>
public sealed record SymptomLearning(
    string SymptomId,
    int Cases,
    bool Moved,
    IReadOnlyDictionary<string, double> PriorBefore,
    IReadOnlyDictionary<string, double> PriorAfter);
