namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// Where a session stands on one model: which actions failed or were skipped, which questions were answered
/// and how. <see cref="Weights"/> are P(cause and everything observed so far), unnormalised: the prior
/// multiplied by (1 − P(fix | cause)) of every failed action and P(answer | cause) of every answer. They
/// follow from the key alone, so the key identifies the state (the exact solver memoises on it).
/// </summary>
public sealed class DiagnosisState
{
    private const int AnswerBits = 4;

    private DiagnosisState(CompiledModel model, double[] weights, StateKey key)
    {
        Model = model;
        Weights = weights;
        Key = key;
        var mass = 0.0;
        foreach (var w in weights)
        {
            mass += w;
        }

        Mass = mass;
    }

    public CompiledModel Model { get; }

    internal double[] Weights { get; }

    internal StateKey Key { get; }

    /// <summary>P(everything observed so far): the probability that a session reaches this state.</summary>
    public double Mass { get; }

    /// <summary>P(cause | everything observed so far), in <see cref="CompiledModel.CauseIds"/> order; all 0 when
    /// the observations are impossible under the model.</summary>
    public IReadOnlyList<double> Belief => Mass > 0 ? Weights.Select(w => w / Mass).ToArray() : new double[Weights.Length];

    public bool IsActionUsed(int action) => ((Key.Failed | Key.Skipped) & (1UL << action)) != 0;

    public bool IsActionFailed(int action) => (Key.Failed & (1UL << action)) != 0;

    public bool IsQuestionAnswered(int question) => AnswerOf(question) >= 0;

    /// <summary>The canonical answer index, or −1 when not answered.</summary>
    public int AnswerOf(int question) => (int)((Key.Answers >> (AnswerBits * question)) & 0xF) - 1;

    /// <summary>P(the action fixes the fault | everything so far), unnormalised (times <see cref="Mass"/>).</summary>
    internal double FixMass(int action)
    {
        var fix = Model.Fix[action];
        var s = 0.0;
        for (var k = 0; k < fix.Length; k++)
        {
            s += Weights[k] * fix[k];
        }

        return s;
    }

    /// <summary>P(the action fixes the fault | everything so far).</summary>
    public double FixProbability(int action) => Mass > 0 ? FixMass(action) / Mass : 0;

    internal double AnswerMass(int question, int answer)
    {
        var l = Model.Likelihood[question][answer];
        var s = 0.0;
        for (var k = 0; k < l.Length; k++)
        {
            s += Weights[k] * l[k];
        }

        return s;
    }

    /// <summary>P(cause | everything so far and the action fixed the fault): what a fix says about the cause.</summary>
    public IReadOnlyList<double> BeliefGivenFixedBy(int action)
    {
        var fm = FixMass(action);
        var fix = Model.Fix[action];
        return fm > 0 ? Weights.Select((w, k) => w * fix[k] / fm).ToArray() : Belief;
    }

    public DiagnosisState AfterFailure(int action)
    {
        var f = Model.FailFactor[action];
        var w = new double[Weights.Length];
        for (var k = 0; k < w.Length; k++)
        {
            w[k] = Weights[k] * f[k];
        }

        return new DiagnosisState(Model, w, Key with { Failed = Key.Failed | (1UL << action) });
    }

    /// <summary>The person could not or would not carry the action out: it is used, the belief is unchanged.</summary>
    public DiagnosisState AfterSkip(int action) =>
        new(Model, Weights, Key with { Skipped = Key.Skipped | (1UL << action) });

    public DiagnosisState AfterAnswer(int question, int answer)
    {
        var l = Model.Likelihood[question][answer];
        var w = new double[Weights.Length];
        for (var k = 0; k < w.Length; k++)
        {
            w[k] = Weights[k] * l[k];
        }

        var shift = AnswerBits * question;
        var answers = (Key.Answers & ~(0xFUL << shift)) | ((ulong)(answer + 1) << shift);
        return new DiagnosisState(Model, w, Key with { Answers = answers });
    }

    internal static DiagnosisState Root(CompiledModel model) => new(model, (double[])model.Prior.Clone(), default);

    /// <summary>The state of <paramref name="model"/> with these observations (the weights follow from the key).</summary>
    internal static DiagnosisState FromKey(CompiledModel model, StateKey key)
    {
        var state = Root(model);
        for (var a = 0; a < model.ActionCount; a++)
        {
            if ((key.Failed & (1UL << a)) != 0)
            {
                state = state.AfterFailure(a);
            }
            else if ((key.Skipped & (1UL << a)) != 0)
            {
                state = state.AfterSkip(a);
            }
        }

        for (var q = 0; q < model.QuestionCount; q++)
        {
            var ans = (int)((key.Answers >> (AnswerBits * q)) & 0xF) - 1;
            if (ans >= 0)
            {
                state = state.AfterAnswer(q, ans);
            }
        }

        return state;
    }
}

/// <summary>The observations that define a state: failed actions, skipped actions, answers (4 bits each).</summary>
internal readonly record struct StateKey(ulong Failed, ulong Skipped, ulong Answers);
