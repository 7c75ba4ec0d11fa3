using System.Globalization;

namespace Kiriwake.Cli;

/// <summary>Numbers as a person reads them, the same in both languages.</summary>
internal static class Format
{
    public static string Percent(double p) => (p * 100).ToString(p is > 0 and < 0.01 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";

    public static string Minutes(double minutes) => minutes.ToString(minutes < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);
}
