using System.Security.Cryptography;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>
/// Case codes a person reads out on the phone: 8 characters from 32 that cannot be mistaken for one another (no 0/O,
/// no 1/I), shown as two groups of four ("K7QM-3XDP"). 40 random bits: with lookups limited per account and only
/// for signed-in staff, guessing one is out of reach; the code alone opens nothing.
/// </summary>
public static class CaseCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>"K7QM-3XDP" for display.</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == Length ? code[..4] + "-" + code[4..] : code;
    }

    /// <summary>What someone typed, normalised (case, full width, spaces and dashes ignored); null when it cannot be a
    /// code (wrong length, or a character outside the alphabet such as O, 0, I or 1).</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var chars = typed.Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant()
            .Where(c => c is not (' ' or '-' or '\u2010' or '\u2212' or '\u30FC'))
            .ToArray();
        return chars.Length == Length && chars.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? new string(chars) : null;
    }
}
