using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;

namespace Kiriwake.Core.Diagnosis;

/// <summary>
/// What the facts say about the gates. Gates are hard constraints: an action whose gate does not hold is
/// never proposed, whatever it would save.
/// </summary>
/// <param name="BackupVerified">A complete, recent, consistent backup exists (fact <c>backup.verified</c>).</param>
/// <param name="DataLossAccepted">The person explicitly accepts losing what is not backed up (<c>case.data-loss-accepted</c>).</param>
/// <param name="OwnerConsent">May data on this device be erased: true for the person's own device
/// (<c>case.device-owner = self</c>) or when its owner consented (<c>case.owner-consent = true</c>); false for
/// someone else's or an organisation's device without that consent; null when nobody said whose device it is —
/// the gate is then closed, and a question of the model ("whose device is this?") opens it.</param>
/// <param name="Managed">The device is managed (<c>device.managed</c>): its restrictions go to its administrator.
/// null when unknown — the not-managed gate is then closed (an unknown answer never removes a profile).</param>
public sealed record GateState(bool BackupVerified, bool DataLossAccepted, bool? OwnerConsent, bool? Managed)
{
    /// <summary>Nothing known: no verified backup, whose device and whether it is managed unknown.</summary>
    public static GateState Initial { get; } = new(false, false, null, null);

    /// <summary>Every gate holds: used to score orders on a model, where gates are not the question.</summary>
    public static GateState AllOpen { get; } = new(true, true, true, false);

    /// <summary>The fact keys that open or close gates.</summary>
    public static IReadOnlyList<string> GateFactKeys { get; } =
        [FactKeys.BackupVerified, FactKeys.DataLossAccepted, FactKeys.OwnerConsent, FactKeys.DeviceOwner, FactKeys.DeviceManaged];

    public static GateState FromFacts(IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new GateState(
            IsTrue(facts, FactKeys.BackupVerified),
            IsTrue(facts, FactKeys.DataLossAccepted),
            facts.TryGetValue(FactKeys.OwnerConsent, out var consent) ? IsTrueValue(consent)
                : facts.TryGetValue(FactKeys.DeviceOwner, out var owner) ? string.Equals(owner.Trim(), FactKeys.DeviceOwnerSelf, StringComparison.OrdinalIgnoreCase)
                : null,
            facts.TryGetValue(FactKeys.DeviceManaged, out var managed) ? Bool(managed) : null);
    }

    /// <summary>The gates this action needs; a data-loss action needs backup-verified even if its record forgot it.</summary>
    public static IReadOnlyList<Gate> Required(Risk risk, IReadOnlyList<Gate> gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        if (risk == Risk.DataLoss && !gates.Contains(Gate.BackupVerified))
        {
            return [Gate.BackupVerified, .. gates];
        }

        return gates;
    }

    public bool Holds(Gate gate) => gate switch
    {
        Gate.BackupVerified => BackupVerified || DataLossAccepted,
        Gate.OwnerConsent => OwnerConsent == true,
        Gate.NotManaged => Managed == false,
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, null),
    };

    /// <summary>The required gates that do not hold (empty: the action may be proposed).</summary>
    public IReadOnlyList<Gate> Missing(Risk risk, IReadOnlyList<Gate> gates) =>
        Required(risk, gates).Where(g => !Holds(g)).ToArray();

    public bool Allows(Risk risk, IReadOnlyList<Gate> gates) => Required(risk, gates).All(Holds);

    private static bool? Bool(string value) =>
        IsTrueValue(value) ? true : string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase) ? false : null;

    internal static bool IsTrueValue(string value) =>
        string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(IReadOnlyDictionary<string, string> facts, string key) =>
        facts.TryGetValue(key, out var v) && IsTrueValue(v);
}
