using System.Globalization;

namespace Kiriwake.Web.Helpdesk;

/// <summary>
/// The time zone the helpdesk's staff read and type times in (`Helpdesk:TimeZone`, an IANA id such as
/// "Asia/Tokyo"; default: the server's own zone). Times are stored in UTC; pages show them in this zone with its
/// offset, and a time typed in a form (a consent given at 14:05) is read in this zone.
/// </summary>
public sealed class StaffTimeZone
{
    public const string ConfigurationKey = "Helpdesk:TimeZone";

    public StaffTimeZone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The configured zone; an unknown id stops the server at start with a clear message.</summary>
    /// <exception cref="InvalidOperationException">The id names no time zone.</exception>
    public static StaffTimeZone FromConfiguration(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return new StaffTimeZone(TimeZoneInfo.Local);
        }

        try
        {
            return new StaffTimeZone(TimeZoneInfo.FindSystemTimeZoneById(id.Trim()));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"{ConfigurationKey} = \"{id}\" names no time zone (use an IANA id such as Asia/Tokyo).", ex);
        }
    }

    /// <summary>"2026-12-02 14:05 (UTC+09:00)".</summary>
    public string Show(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + OffsetName(local.Offset) + ")";
    }

    /// <summary>The value of a datetime-local input for this moment.</summary>
    public string FormValue(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"UTC+09:00", the zone's offset now, for a form's label.</summary>
    public string OffsetNow(DateTimeOffset now) => OffsetName(Zone.GetUtcOffset(now));

    /// <summary>A datetime-local input's value read in this zone; null when it is not a time, or a local time that
    /// does not exist (skipped by a change to summer time).</summary>
    public DateTimeOffset? Parse(string? typed)
    {
        if (!DateTime.TryParseExact(typed?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || Zone.IsInvalidTime(local))
        {
            return null;
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));
    }

    private static string OffsetName(TimeSpan offset) => offset == TimeSpan.Zero
        ? "UTC"
        : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
}
