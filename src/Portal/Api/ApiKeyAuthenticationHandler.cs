using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Consortium.Grains.ApiKeys;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Api;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c> with the operator's key or a tenant's API key.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ConsortiumOptions> consortium,
    IGrainFactory grains) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = header["Bearer ".Length..].Trim();

        if (IsOperatorKey(presented))
        {
            return Success(new Claim(ApiClaims.Role, ApiClaims.OperatorRole));
        }
        if (ApiKey.TryParse(presented, out var key)
            && await grains.GetGrain<ITenantApiKeysGrain>(TenantKey.For(key.TenantSlug)).VerifyAsync(key.Id, key.Secret))
        {
            return Success(new Claim(ApiClaims.Role, ApiClaims.TenantRole), new Claim(ApiClaims.Tenant, key.TenantSlug));
        }
        // Never echo the key: it may be a real one with a typo.
        return AuthenticateResult.Fail("The API key is not valid.");
    }

    private bool IsOperatorKey(string presented) =>
        consortium.Value.OperatorApiKey is { Length: > 0 } operatorKey
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(operatorKey));

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
