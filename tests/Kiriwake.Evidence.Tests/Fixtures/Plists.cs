using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Tests.Fixtures;

/// <summary>Short constructors for plist values in fixtures.</summary>
public static class Plists
{
    public static PlistDict Dict(params (string Key, PlistValue Value)[] entries) =>
        new(entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    public static PlistArray Array(params PlistValue[] items) => new(items);

    public static PlistString Str(string value) => new(value);

    public static PlistInteger Int(long value) => new(value);

    public static PlistBool Bool(bool value) => new(value);

    public static PlistDate Date(DateTimeOffset value) => new(value);

    public static PlistData Data(byte[] value) => new(value);

    public static PlistUid Uid(ulong value) => new(value);
}
