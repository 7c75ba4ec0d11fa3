namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// Works out ahead of time the states that people most likely reach: for every cause of a model, walks the session
/// of a person with that fault (answers by <see cref="SimulatedResponder"/>) through a shared
/// <see cref="EnginePolicyCache"/>. A server does this in the background at start, so that the first people of each
/// symptom meet decisions already made instead of the exact solver's first solve (up to a few hundred ms per new
/// state of a 16-step model, docs/engine.md). Reads nothing from and writes nothing to any session store.
/// </summary>
public static class RouteWarmer
{
    /// <summary>A session longer than this is not walked further (no model comes near it).</summary>
    public const int MaxSteps = 64;

    /// <summary>Walks every cause's route of <paramref name="model"/>; returns how many decisions were asked for.</summary>
    /// <exception cref="OperationCanceledException">Stopped (a server shutting down).</exception>
    public static int Warm(EnginePolicyCache cache, CompiledModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(model);
        var decisions = 0;
        foreach (var cause in model.CauseIds)
        {
            var session = new DiagnosisSession(model, cache);
            for (var step = 0; step < MaxSteps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = session.Next();
                decisions++;
                if (next is null || (model.TryFindStep(next.Step.Id, out var choice) && choice.Kind == StepKind.Escalation))
                {
                    break;
                }

                session.Answer(next.Step.Id, SimulatedResponder.Answer(model, next.Step, cause), DateTimeOffset.UnixEpoch);
                if (session.Snapshot.Outcome != SessionOutcome.InProgress)
                {
                    break;
                }
            }
        }

        return decisions;
    }
}
