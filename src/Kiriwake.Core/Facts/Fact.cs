namespace Kiriwake.Core.Facts;

/// <summary>
/// Something evidence established without asking the person: a backup's verdict, the device's free space,
/// a code found in a log. Values are strings ("true", "false", a number in invariant culture, a name);
/// well-known keys are in <see cref="FactKeys"/>.
/// </summary>
public sealed record Fact(string Key, string Value, FactSource Source, string Detail);

/// <summary>Who established a fact: a backup reader, the device tools, a log, or the person overriding one.</summary>
public sealed record FactSource(FactSourceKind Kind, string Origin);

public enum FactSourceKind
{
    Backup,
    Device,
    Log,
    Person,
}
