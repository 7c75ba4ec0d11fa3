using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Commands;

/// <summary>The words of `kb eval`, in both languages.</summary>
internal static class EvalText
{
    public static readonly LocalizedText ChooseOne = new("--model、--symptom、--all のどれか 1 つを指定してください。", "Give exactly one of --model, --symptom or --all.");
    public static readonly LocalizedText NoFile = new("ファイルがありません: {0}", "No such file: {0}");
    public static readonly LocalizedText NoSymptom = new("その症状はありません: {0}", "No such symptom: {0}");
    public static readonly LocalizedText Policy = new("方針", "Policy");
    public static readonly LocalizedText Minutes = new("期待コスト(分)", "Expected cost (min)");
    public static readonly LocalizedText VersusEngine = new("エンジン比の節約", "Engine saves");
    public static readonly LocalizedText Engine = new("エンジン", "Engine");
    public static readonly LocalizedText Optimal = new("最適", "Optimal");
    public static readonly LocalizedText Authored = new("文書の順序", "Document's order");
    public static readonly LocalizedText GreedyOnly = new("貪欲法のみ", "Greedy only");
    public static readonly LocalizedText NotComputed = new("(未計算)", "(not computed)");
    public static readonly LocalizedText None = new("(なし)", "(none)");
    public static readonly LocalizedText MemoryBound = new(
        "このモデルは大きすぎて、厳密な探索がメモリの上限に達しました。それ以降は貪欲法で評価しています(最適値は計算していません)。",
        "This model is too big for exact search within its memory bound; the rest was evaluated with the greedy policy (the optimum was not computed).");
    public static readonly LocalizedText FirstStep = new("最初の手順", "First step");
    public static readonly LocalizedText TruthNeedsKnowledge = new("--truth は --symptom か --all と一緒に指定してください。", "--truth goes with --symptom or --all.");
    public static readonly LocalizedText UnderTruth = new("真の確率のもとで ({0})", "Under the true probabilities ({0})");
    public static readonly LocalizedText AboveOptimal = new("最適より", "Above the optimum");
    public static readonly LocalizedText EngineAsItBelieves = new("エンジン(いまの知識で計画)", "Engine (planned on what it knows)");
    public static readonly LocalizedText EngineOnTruth = new("エンジン(真の確率で計画)", "Engine planned on the truth");
    public static readonly LocalizedText TruthOptimal = new("真の最適", "The truth's optimum");
    public static readonly LocalizedText FirstStepOnTruth = new("真の確率での最初の手順", "First step on the truth");
}
