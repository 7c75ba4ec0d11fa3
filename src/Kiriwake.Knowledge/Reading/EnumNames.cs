namespace Kiriwake.Knowledge.Reading;

/// <summary>YAML writes enum values in kebab-case (data-loss, windows-itunes, iphone-no-home).</summary>
internal static class EnumNames
{
    public static bool TryParse<TEnum>(string? kebab, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(kebab) || kebab.Any(char.IsUpper))
        {
            return false;
        }

        var pascal = string.Concat(kebab.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        return Enum.TryParse(pascal, ignoreCase: false, out value) && Enum.IsDefined(value);
    }

    public static string ToKebab<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && (char.IsUpper(name[i]) || (char.IsDigit(name[i]) && char.IsLetter(name[i - 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static string Allowed<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(" | ", Enum.GetValues<TEnum>().Select(ToKebab));
}
