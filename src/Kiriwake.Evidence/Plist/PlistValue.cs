namespace Kiriwake.Evidence.Plist;

/// <summary>A property-list value. The closed set of cases mirrors the plist types; sets read as arrays.</summary>
public abstract record PlistValue;

/// <summary>A dictionary with string keys, in file order.</summary>
public sealed record PlistDict(IReadOnlyDictionary<string, PlistValue> Entries) : PlistValue
{
    public PlistValue? this[string key] => Entries.TryGetValue(key, out var value) ? value : null;

    public string? GetString(string key) => (this[key] as PlistString)?.Value;

    public long? GetInteger(string key) => (this[key] as PlistInteger)?.Value;

    public bool? GetBool(string key) => (this[key] as PlistBool)?.Value;

    public DateTimeOffset? GetDate(string key) => (this[key] as PlistDate)?.Value;

    public ReadOnlyMemory<byte>? GetData(string key) => (this[key] as PlistData)?.Value;

    public PlistDict? GetDict(string key) => this[key] as PlistDict;

    public PlistArray? GetArray(string key) => this[key] as PlistArray;
}

/// <summary>An array (or a set: plists do not distinguish them for our purposes).</summary>
public sealed record PlistArray(IReadOnlyList<PlistValue> Items) : PlistValue;

public sealed record PlistString(string Value) : PlistValue;

/// <summary>An integer; values outside the range of <see cref="long"/> are rejected by the readers.</summary>
public sealed record PlistInteger(long Value) : PlistValue;

public sealed record PlistReal(double Value) : PlistValue;

public sealed record PlistBool(bool Value) : PlistValue;

/// <summary>A date, always in UTC.</summary>
public sealed record PlistDate(DateTimeOffset Value) : PlistValue;

/// <summary>Raw bytes. Equality is by reference to the bytes, as for <see cref="ReadOnlyMemory{T}"/>.</summary>
public sealed record PlistData(ReadOnlyMemory<byte> Value) : PlistValue;

/// <summary>An NSKeyedArchiver object reference (binary marker 0x8n, or an XML <c>CF$UID</c> dictionary).</summary>
public sealed record PlistUid(ulong Value) : PlistValue;
