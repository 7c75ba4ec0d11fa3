using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kiriwake.Helpdesk.Tests.Support;

/// <summary>
/// An organisation's OpenID Connect provider in the test process, on a loopback port: the discovery document, the
/// signing keys (JWKS), an authorize endpoint that signs in whoever <see cref="Identity"/> says without a screen,
/// and a token endpoint that checks the client secret, the redirect address and the PKCE verifier before it
/// issues an RS256 id_token carrying the nonce.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "kiriwake-helpdesk";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    private FakeOpenIdProvider(WebApplication app) => _app = app;

    /// <summary>The claims of the person who signs in at the provider next (sub, email, groups…).</summary>
    public Dictionary<string, object> Identity { get; set; } = [];

    public string Issuer { get; private set; } = "";

    /// <summary>How many codes the token endpoint exchanged (a sign-in really went through it).</summary>
    public int TokensIssued { get; private set; }

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeOpenIdProvider(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["authorization_endpoint"] = provider.Issuer + "/authorize",
            ["token_endpoint"] = provider.Issuer + "/token",
            ["jwks_uri"] = provider.Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(provider._rsa.ExportParameters(false)) { KeyId = "k1" });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        provider.Issuer = address.TrimEnd('/');
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || !q["scope"].ToString().Split(' ').Contains("openid")
            || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _grants[code] = new Grant(q["redirect_uri"]!, q["nonce"], q["code_challenge"]!, new Dictionary<string, object>(Identity));
        var separator = q["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return Results.Redirect($"{q["redirect_uri"]}{separator}code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        if (form["grant_type"] != "authorization_code" || !_grants.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var claims = new Dictionary<string, object>(grant.Claims);
        if (grant.Nonce is { } nonce)
        {
            claims["nonce"] = nonce;
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
        TokensIssued++;
        return Results.Json(new { access_token = "opaque-" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private sealed record Grant(string RedirectUri, string? Nonce, string Challenge, Dictionary<string, object> Claims);
}
