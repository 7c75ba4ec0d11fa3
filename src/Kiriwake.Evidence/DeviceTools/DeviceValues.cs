using System.Globalization;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// The values a tool printed, flattened to paths: top-level keys as they are, nested dictionary entries as
/// <c>Parent/Child</c>, array items as <c>Parent/0</c>. Scalars are kept as invariant text: booleans
/// "true"/"false", integers in decimal, dates as <c>yyyy-MM-ddTHH:mm:ssZ</c>, data as base64. Both output
/// forms of ideviceinfo (Key: value and XML) produce the same values for the same plist.
/// </summary>
public sealed class DeviceValues
{
    private readonly Dictionary<string, string> _values;

    public DeviceValues(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    /// <summary>No values: the tool printed nothing (ideviceinfo does so, with exit code 0, for an unreadable domain).</summary>
    public static DeviceValues Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string> All => _values;

    public bool IsEmpty => _values.Count == 0;

    public string? GetString(string path) => _values.TryGetValue(path, out var value) ? value : null;

    public bool? GetBool(string path) => GetString(path) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public long? GetInt64(string path) =>
        long.TryParse(GetString(path), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The first path, in any nesting, whose last segment is <paramref name="key"/> (e.g. CycleCount under IORegistry).</summary>
    public string? FindString(string key)
    {
        if (_values.TryGetValue(key, out var direct))
        {
            return direct;
        }

        var suffix = "/" + key;
        return _values.Where(kv => kv.Key.EndsWith(suffix, StringComparison.Ordinal))
            .OrderBy(kv => kv.Key.Length)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (string?)kv.Value)
            .FirstOrDefault();
    }

    public long? FindInt64(string key) =>
        long.TryParse(FindString(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
