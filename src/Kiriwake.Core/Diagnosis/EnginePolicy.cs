namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// The engine's policy: the exact solver wherever the remaining model is small enough and the solver
/// finishes within its budget, the greedy policy everywhere else.
/// </summary>
public sealed class EnginePolicy : IPolicy
{
    private readonly EngineOptions _options;
    private readonly ExactSolver _exact;
    private int _exactFailedAtItems = int.MaxValue;

    public EnginePolicy(CompiledModel model, GateState gates, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _options = options ?? EngineOptions.Default;
        Model = model;
        Gates = gates;
        Greedy = new GreedyPolicy(model, gates, _options);
        _exact = new ExactSolver(model, gates);
        var small = model.ActionCount + model.QuestionCount <= _options.SmallModelItems;
        MaxExactItems = small ? Math.Max(_options.SmallModelItems, _options.MaxExactItems) : _options.MaxExactItems;
        ExactBudget = small ? Math.Max(_options.SmallModelBudget, _options.ExactNodeBudget) : _options.ExactNodeBudget;
    }

    /// <summary>The exact solver runs when at most this many useful steps remain (more for a small model).</summary>
    public int MaxExactItems { get; }

    /// <summary>The exact solver's budget on this model, in expanded states.</summary>
    public long ExactBudget { get; }

    public CompiledModel Model { get; }

    public GateState Gates { get; }

    public GreedyPolicy Greedy { get; }

    public ExactSolver Exact => _exact;

    public EngineOptions Options => _options;

    public StepChoice? Choose(DiagnosisState state) => Decide(state).Choice;

    public EngineDecision Decide(DiagnosisState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var items = RemainingItems(state);
        if (items <= MaxExactItems && items < _exactFailedAtItems)
        {
            if (_exact.TrySolve(state, ExactBudget, out var exact))
            {
                return exact;
            }

            // A model this big did not fit the budget; don't retry on states at least as big.
            _exactFailedAtItems = items;
        }

        return Greedy.Decide(state);
    }

    /// <summary>Useful actions plus informative questions left: the size the exact search works on.</summary>
    public int RemainingItems(DiagnosisState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var actions = 0;
        for (var a = 0; a < Model.ActionCount; a++)
        {
            if (Greedy.IsUseful(state, a) || Greedy.IsUsefulOpener(state, a))
            {
                actions++;
            }
        }

        var questions = 0;
        for (var q = 0; q < Model.QuestionCount; q++)
        {
            if (!state.IsQuestionAnswered(q) && ((actions > 0 && GreedyPolicy.IsInformative(state, q)) || Greedy.UnlocksUseful(state, q)))
            {
                questions++;
            }
        }

        return actions + questions;
    }
}
