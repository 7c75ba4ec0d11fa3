using Kiriwake.Core.Diagnosis;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>Who answered, in words for staff ("技術担当 suzuki").</summary>
public static class ActorNames
{
    public static string Of(EventActor actor, string? by, bool ja)
    {
        var role = actor switch
        {
            EventActor.Agent => ja ? "ヘルプデスク担当" : "helpdesk agent",
            EventActor.Technician => ja ? "技術担当" : "technician",
            EventActor.EvidenceReader => ja ? "証拠の読み取り" : "evidence reader",
            _ => ja ? "本人" : "the person",
        };
        return by is { Length: > 0 } ? role + " " + by : role;
    }
}
