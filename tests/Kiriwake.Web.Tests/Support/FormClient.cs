using System.Text.RegularExpressions;

namespace Kiriwake.Web.Tests.Support;

/// <summary>Fetches a page's antiforgery field the way a browser would (the cookie stays in the client).</summary>
public static partial class FormClient
{
    public static async Task<string> TokenAsync(this HttpClient client, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(path);
        return TokenField().Match(html).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
