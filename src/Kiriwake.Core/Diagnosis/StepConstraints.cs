using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// Which actions may be proposed in a state, under given gates: the hard constraints every policy obeys.
/// <list type="bullet">
/// <item><b>Gates.</b> An action whose gate does not hold is left out, unless the model has a step that opens that
/// gate (making a verified backup opens backup-verified; "it is my own device" opens owner-consent): then the
/// action waits for that step (done, or answered with an opening answer).</item>
/// <item><b>Precedence</b> (<see cref="ModelAction.After"/>): an action waits for each listed question to be
/// answered and for each listed action to be settled: tried or skipped, ruled out, held back, or unable to help
/// any more. This is the risk ladder (force restart → Reset All Settings → erase → DFU).</item>
/// <item><b>Ruled out</b> (<see cref="ModelAnswer.RulesOut"/>): an answer removes actions the person already did
/// or that cannot apply.</item>
/// </list>
/// Everything follows from the state's key and weights, so the exact solver may memoise on the key.
/// </summary>
internal sealed class StepConstraints
{
    private readonly CompiledModel _model;
    private readonly bool[] _allowed;
    private readonly int[][] _afterActions;
    private readonly int[][] _afterQuestions;

    /// <summary>Per action, per closed gate it needs: the alternatives that open it (any one suffices).</summary>
    private readonly Requirement[][] _requirements;

    /// <summary>[question][answer]: the actions the answer rules out (bit mask).</summary>
    private readonly ulong[][] _rulesOut;

    public StepConstraints(CompiledModel model, GateState gates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gates);
        _model = model;
        var n = model.ActionCount;
        _allowed = new bool[n];
        _requirements = new Requirement[n][];
        _afterActions = new int[n][];
        _afterQuestions = new int[n][];
        for (var a = 0; a < n; a++)
        {
            var action = model.Actions[a];
            var requirements = new List<Requirement>();
            var allowed = true;
            foreach (var gate in gates.Missing(action.Risk, action.Gates))
            {
                var openerActions = Enumerable.Range(0, n).Where(o => o != a && model.Actions[o].Opens == gate).ToArray();
                var openerAnswers = new List<(int Question, int Mask)>();
                for (var q = 0; q < model.QuestionCount; q++)
                {
                    var mask = 0;
                    var answers = model.AnswerIds[q];
                    for (var i = 0; i < answers.Count; i++)
                    {
                        if (model.Questions[q].Answers.First(x => string.Equals(x.Id, answers[i], StringComparison.Ordinal)).Opens.Contains(gate))
                        {
                            mask |= 1 << i;
                        }
                    }

                    if (mask != 0)
                    {
                        openerAnswers.Add((q, mask));
                    }
                }

                if (openerActions.Length == 0 && openerAnswers.Count == 0)
                {
                    allowed = false;
                }

                requirements.Add(new Requirement(gate, openerActions, openerAnswers.ToArray()));
            }

            _allowed[a] = allowed;
            _requirements[a] = allowed ? requirements.ToArray() : [];
            var after = action.After.Select(id => model.TryFindStep(id, out var s) ? s : (StepChoice?)null).OfType<StepChoice>().ToArray();
            _afterActions[a] = after.Where(s => s.Kind == StepKind.Action).Select(s => s.Index).ToArray();
            _afterQuestions[a] = after.Where(s => s.Kind == StepKind.Question).Select(s => s.Index).ToArray();
        }

        _rulesOut = new ulong[model.QuestionCount][];
        for (var q = 0; q < model.QuestionCount; q++)
        {
            var answers = model.AnswerIds[q];
            _rulesOut[q] = new ulong[answers.Count];
            for (var i = 0; i < answers.Count; i++)
            {
                var answer = model.Questions[q].Answers.First(x => string.Equals(x.Id, answers[i], StringComparison.Ordinal));
                foreach (var id in answer.RulesOut)
                {
                    if (model.TryFindStep(id, out var s) && s.Kind == StepKind.Action)
                    {
                        _rulesOut[q][i] |= 1UL << s.Index;
                    }
                }
            }
        }
    }

    /// <summary>The gates hold, or every closed one can be opened by a step of the model.</summary>
    public bool IsAllowed(int action) => _allowed[action];

    /// <summary>Some action waits for this one to open its gate.</summary>
    public bool IsOpener(int action)
    {
        for (var b = 0; b < _requirements.Length; b++)
        {
            foreach (var r in _requirements[b])
            {
                if (Array.IndexOf(r.Actions, action) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Actions the answers given so far rule out (bit mask).</summary>
    public ulong RuledOut(StateKey key)
    {
        var mask = 0UL;
        for (var q = 0; q < _rulesOut.Length; q++)
        {
            var ans = (int)((key.Answers >> (4 * q)) & 0xF) - 1;
            if (ans >= 0)
            {
                mask |= _rulesOut[q][ans];
            }
        }

        return mask;
    }

    /// <summary>Not used, allowed, not ruled out, and every gate it needs is open or opened in this state
    /// (precedence aside): what a fixed order may try.</summary>
    public bool IsOpen(StateKey key, int action, ulong ruledOut)
    {
        var bit = 1UL << action;
        return ((key.Failed | key.Skipped | ruledOut) & bit) == 0 && _allowed[action] && RequirementsMet(key, action);
    }

    /// <summary>The action may be proposed in this state: open, and every step it comes after is settled.</summary>
    public bool IsAvailable(double[] weights, StateKey key, int action)
    {
        var ruledOut = RuledOut(key);
        return IsOpen(key, action, ruledOut) && AfterSettled(weights, key, action, ruledOut, 0UL);
    }

    /// <summary>Every step this action comes after is settled (<paramref name="placed"/>: actions a plan has
    /// already put before it).</summary>
    public bool AfterSettled(double[] weights, StateKey key, int action, ulong ruledOut, ulong placed)
    {
        foreach (var q in _afterQuestions[action])
        {
            if (((key.Answers >> (4 * q)) & 0xF) == 0)
            {
                return false;
            }
        }

        foreach (var p in _afterActions[action])
        {
            if (!IsSettled(weights, key, p, ruledOut, placed))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Precedence demands nothing more of <paramref name="action"/>: it was tried or skipped (or placed),
    /// is ruled out or held back, can never have its gate opened here, or cannot help any more.</summary>
    public bool IsSettled(double[] weights, StateKey key, int action, ulong ruledOut, ulong placed)
    {
        var bit = 1UL << action;
        if (((key.Failed | key.Skipped | ruledOut | placed) & bit) != 0 || !_allowed[action] || !CanStillOpen(key, action))
        {
            return true;
        }

        return FixMass(weights, action) <= Numerics.TinyMass;
    }

    /// <summary>The action's closed gates are opened in this state.</summary>
    public bool RequirementsMet(StateKey key, int action)
    {
        foreach (var r in _requirements[action])
        {
            if (!r.Met(key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An opener worth doing: an action still able to help waits for it.</summary>
    public bool UnlocksUseful(double[] weights, StateKey key, int opener)
    {
        var ruledOut = RuledOut(key);
        for (var b = 0; b < _requirements.Length; b++)
        {
            if (!Waiting(weights, key, b, ruledOut))
            {
                continue;
            }

            foreach (var r in _requirements[b])
            {
                if (!r.Met(key) && Array.IndexOf(r.Actions, opener) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A question worth asking even if it tells nothing about the cause: an action still able to help
    /// waits for its answer (precedence, or the gate an answer opens).</summary>
    public bool QuestionUnlocksUseful(double[] weights, StateKey key, int question)
    {
        if (((key.Answers >> (4 * question)) & 0xF) != 0)
        {
            return false;
        }

        var ruledOut = RuledOut(key);
        for (var b = 0; b < _requirements.Length; b++)
        {
            if (!Waiting(weights, key, b, ruledOut))
            {
                continue;
            }

            if (Array.IndexOf(_afterQuestions[b], question) >= 0)
            {
                return true;
            }

            foreach (var r in _requirements[b])
            {
                if (!r.Met(key) && r.Answers.Any(x => x.Question == question))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Waiting(double[] weights, StateKey key, int action, ulong ruledOut)
    {
        var bit = 1UL << action;
        return ((key.Failed | key.Skipped | ruledOut) & bit) == 0 && _allowed[action] && FixMass(weights, action) > Numerics.TinyMass;
    }

    private bool CanStillOpen(StateKey key, int action)
    {
        foreach (var r in _requirements[action])
        {
            if (!r.Met(key) && !r.StillPossible(key))
            {
                return false;
            }
        }

        return true;
    }

    private double FixMass(double[] w, int action)
    {
        var fix = _model.Fix[action];
        var s = 0.0;
        for (var k = 0; k < fix.Length; k++)
        {
            s += w[k] * fix[k];
        }

        return s;
    }

    /// <summary>A closed gate and the steps that open it: an action done (tried, not skipped), or a question
    /// answered with one of the opening answers (bit mask over the canonical answer index).</summary>
    private sealed record Requirement(Gate Gate, int[] Actions, (int Question, int Mask)[] Answers)
    {
        public bool Met(StateKey key)
        {
            foreach (var a in Actions)
            {
                if ((key.Failed & (1UL << a)) != 0)
                {
                    return true;
                }
            }

            foreach (var (q, mask) in Answers)
            {
                var ans = (int)((key.Answers >> (4 * q)) & 0xF) - 1;
                if (ans >= 0 && (mask & (1 << ans)) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        public bool StillPossible(StateKey key)
        {
            foreach (var a in Actions)
            {
                if (((key.Failed | key.Skipped) & (1UL << a)) == 0)
                {
                    return true;
                }
            }

            foreach (var (q, _) in Answers)
            {
                if (((key.Answers >> (4 * q)) & 0xF) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
