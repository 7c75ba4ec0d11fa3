namespace Kiriwake.Web.Helpdesk.Accounts;

/// <summary>
/// An organisation's OpenID Connect sign-in, read from configuration (appsettings or the environment, e.g.
/// <c>Helpdesk__OpenIdConnect__ClientSecret</c>), never from command-line arguments. Absent unless the authority,
/// the client id and the client secret are all given; then the sign-in page offers it beside the password.
/// </summary>
/// <param name="Authority">The provider's issuer URL (its discovery document is under /.well-known/openid-configuration).</param>
/// <param name="UserClaim">The claim that names the helpdesk account: <c>email</c> (the default) matches the account's
/// email address, then its name; any other claim (e.g. <c>preferred_username</c>) matches the account's name.</param>
/// <param name="RoleClaim">A claim (e.g. <c>groups</c>) whose values give the role through <paramref name="Roles"/>;
/// when null, the account's own role applies.</param>
/// <param name="Roles">Helpdesk role (agent, technician, admin) → the <paramref name="RoleClaim"/> value that grants it.</param>
public sealed record OpenIdSignInSettings(
    Uri Authority,
    string ClientId,
    string ClientSecret,
    string DisplayName,
    string UserClaim,
    string? RoleClaim,
    IReadOnlyDictionary<string, string> Roles)
{
    public const string Section = "Helpdesk:OpenIdConnect";
    public const string Scheme = "oidc";
    public const string StartPath = "/helpdesk/sign-in/oidc";
    public const string CallbackPath = "/helpdesk/sign-in/oidc/callback";

    /// <summary>The settings, or null when the section is absent or empty.</summary>
    /// <exception cref="InvalidOperationException">The section is half filled in or names an unknown role (the message says which key, in Japanese and English).</exception>
    public static OpenIdSignInSettings? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        string? Value(string key) => section[key] is { Length: > 0 } v ? v.Trim() : null;
        var (authority, clientId, secret) = (Value("Authority"), Value("ClientId"), Value("ClientSecret"));
        if (authority is null && clientId is null && secret is null)
        {
            return null;
        }

        var missing = new[] { ("Authority", authority), ("ClientId", clientId), ("ClientSecret", secret) }.Where(p => p.Item2 is null).Select(p => Section + ":" + p.Item1).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"OpenID Connect の設定が足りません: {string.Join(", ", missing)} / OpenID Connect is half configured; missing: {string.Join(", ", missing)}");
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException($"{Section}:Authority は https:// の URL にしてください / {Section}:Authority must be an https:// URL (http only on this computer): {authority}");
        }

        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in section.GetSection("Roles").GetChildren())
        {
            if (!HelpdeskRoles.IsKnown(child.Key))
            {
                throw new InvalidOperationException($"{Section}:Roles の役割は agent・technician・admin です / {Section}:Roles takes agent, technician or admin, not \"{child.Key}\"");
            }

            if (child.Value is { Length: > 0 } v)
            {
                roles[child.Key] = v;
            }
        }

        var roleClaim = Value("RoleClaim");
        if (roleClaim is not null && roles.Count == 0)
        {
            throw new InvalidOperationException($"{Section}:RoleClaim には {Section}:Roles が必要です / {Section}:RoleClaim needs {Section}:Roles (which claim value grants which role)");
        }

        return new OpenIdSignInSettings(uri, clientId!, secret!, Value("DisplayName") ?? uri.Host, Value("UserClaim") ?? "email", roleClaim, roles);
    }
}
