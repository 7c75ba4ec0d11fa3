using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Conversation;

/// <summary>How a front end runs a conversation.</summary>
public sealed record ConversationOptions
{
    /// <summary>The computer platforms every front end can assume when nothing narrows them.</summary>
    public static IReadOnlyList<Platform> AllComputerPlatforms { get; } = [Platform.WindowsItunes, Platform.WindowsAppleDevices, Platform.MacosFinder];

    public Language Language { get; init; } = Language.Ja;

    /// <summary>The platforms the person may use: the front end passes the one its operating system implies (a Mac:
    /// Finder; Windows: iTunes or the Apple Devices app). With one, the platform is known; with several it is asked
    /// when a step's text differs by platform.</summary>
    public IReadOnlyList<Platform> PlatformCandidates { get; init; } = AllComputerPlatforms;

    /// <summary>Ask the platform and the device's model when a step needs them (false for scripted runs: every
    /// variant is shown under headings instead).</summary>
    public bool AskContext { get; init; } = true;

    /// <summary>Ask the gate questions before ending (false when simulating: a simulation never opens a gate).</summary>
    public bool AskGates { get; init; } = true;

    /// <summary>Who answers through this front end.</summary>
    public EventActor Actor { get; init; } = EventActor.Person;

    /// <summary>The helpdesk account answering through this front end (recorded on each event it makes); null for the person.</summary>
    public string? By { get; init; }
}
