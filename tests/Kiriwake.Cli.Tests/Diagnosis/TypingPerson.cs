using Kiriwake.Core.Conversation;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Cli.Tests.Diagnosis;

/// <summary>
/// A Japanese person at the keyboard whose fault is <see cref="Cause"/>: at each prompt they read what is asked
/// (from the session file the command saved before asking) and type their answer as a person types it — はい,
/// いいえ, Ｙｅｓ, a number in full or half width, or the label's words — never an id.
/// </summary>
internal sealed class TypingPerson(KnowledgeModels models, string sessionPath, string cause) : TextReader
{
    private readonly List<string> _typed = [];
    private int _turn;

    public string Cause => cause;

    /// <summary>What they type when asked for the symptom (before a session exists).</summary>
    public string? SymptomChoice { get; init; }

    /// <summary>Their answer to the backup gate, as typed.</summary>
    public string GateAnswer { get; init; } = "いいえ";

    /// <summary>What they type when asked for the model.</summary>
    public string ModelName { get; init; } = "iPhone 12";

    public IReadOnlyList<string> Typed => _typed;

    public override string? ReadLine()
    {
        if (_typed.Count > 80)
        {
            return null;
        }

        var line = Next();
        if (line is not null)
        {
            _typed.Add(line);
        }

        return line;
    }

    private string? Next()
    {
        if (!File.Exists(sessionPath))
        {
            return SymptomChoice;
        }

        var log = SessionLogCodec.Decode(File.ReadAllText(sessionPath), sessionPath);
        var conversation = DiagnosisConversation.Resume(models, log,
            new ConversationOptions { Language = Language.Ja, PlatformCandidates = [Platform.MacosFinder] }, TimeProvider.System);
        var prompt = conversation.Next();
        _turn++;
        return prompt switch
        {
            StepPrompt step => Type(step, SimulatedResponder.Answer(conversation.Model, new StepRef(step.View.Kind, step.View.StepId), cause)),
            GatePrompt => GateAnswer,
            DevicePrompt => ModelName,
            PlatformPrompt => "Mac の Finder",
            _ => null,
        };
    }

    private string Type(StepPrompt step, string value)
    {
        var index = step.Choices.ToList().FindIndex(c => c.Value == value);
        var label = step.Choices[index].Label;
        string[] forms = value switch
        {
            "yes" => ["はい", "Ｙｅｓ", "y", "はい。"],
            "no" => ["いいえ", "ｎｏ", "N", "いいえ"],
            StepAnswers.Fixed => ["直った", "はい"],
            StepAnswers.NotFixed => ["直らない", "いいえ", FullWidth(index + 1), (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            _ => [label, FullWidth(index + 1)],
        };
        return forms[_turn % forms.Length];
    }

    private static string FullWidth(int n) => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('０' + (c - '0'))));
}
