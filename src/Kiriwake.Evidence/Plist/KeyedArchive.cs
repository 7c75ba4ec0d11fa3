namespace Kiriwake.Evidence.Plist;

/// <summary>
/// An NSKeyedArchiver plist: <c>{$archiver, $version, $top: {root: UID}, $objects: [...]}</c>. Gives the root
/// object and resolves UID references into <c>$objects</c> one step at a time, so a caller reads only what it
/// needs and a reference loop cannot run away.
/// </summary>
public sealed class KeyedArchive
{
    private readonly IReadOnlyList<PlistValue> _objects;

    private KeyedArchive(IReadOnlyList<PlistValue> objects, PlistDict root)
    {
        _objects = objects;
        Root = root;
    }

    /// <summary>The archived root object (the dictionary <c>$top.root</c> points to).</summary>
    public PlistDict Root { get; }

    /// <summary>Opens an archive from its decoded plist.</summary>
    /// <exception cref="PlistFormatException">Not an NSKeyedArchiver plist, or its root is not an object.</exception>
    public static KeyedArchive Open(PlistValue plist)
    {
        if (plist is not PlistDict archive
            || archive.GetArray("$objects") is not { } objects
            || archive.GetDict("$top")?["root"] is not PlistUid rootUid)
        {
            throw new PlistFormatException("Not an NSKeyedArchiver archive ($objects or $top.root missing).");
        }

        var root = Lookup(objects.Items, rootUid) as PlistDict
            ?? throw new PlistFormatException("The archive's root is not an object dictionary.");
        return new KeyedArchive(objects.Items, root);
    }

    /// <summary>Follows a UID to the object it names; other values are returned as they are.</summary>
    /// <exception cref="PlistFormatException">The UID is outside <c>$objects</c>.</exception>
    public PlistValue Resolve(PlistValue value) => value is PlistUid uid ? Lookup(_objects, uid) : value;

    /// <summary>A property of <paramref name="owner"/>, resolved; null when absent or <c>$null</c>.</summary>
    public PlistValue? Get(PlistDict owner, string key)
    {
        if (owner[key] is not { } raw)
        {
            return null;
        }

        var value = Resolve(raw);
        return value is PlistString { Value: "$null" } ? null : value;
    }

    /// <summary>
    /// Bytes stored as data inline, as a UID to data, or as an NSData/NSMutableData object whose
    /// <c>NS.data</c> is data or (in some writers) a further UID to data. Null when absent.
    /// </summary>
    /// <exception cref="PlistFormatException">The value is present but is not data.</exception>
    public ReadOnlyMemory<byte>? GetData(PlistDict owner, string key)
    {
        var value = Get(owner, key);
        if (value is PlistDict wrapper && wrapper["NS.data"] is { } inner)
        {
            value = Resolve(inner);
        }

        return value switch
        {
            null => (ReadOnlyMemory<byte>?)null,
            PlistData data => data.Value,
            _ => throw new PlistFormatException($"Archived '{key}' is not data."),
        };
    }

    /// <summary>A string stored inline or through a UID (NSString); null when absent.</summary>
    public string? GetString(PlistDict owner, string key) => Get(owner, key) switch
    {
        null => null,
        PlistString s => s.Value,
        PlistDict d when Resolve(d["NS.string"] ?? new PlistString(string.Empty)) is PlistString ns => ns.Value,
        _ => throw new PlistFormatException($"Archived '{key}' is not a string."),
    };

    private static PlistValue Lookup(IReadOnlyList<PlistValue> objects, PlistUid uid) =>
        uid.Value < (ulong)objects.Count
            ? objects[(int)uid.Value]
            : throw new PlistFormatException($"Archive reference {uid.Value} is outside $objects ({objects.Count}).");
}
