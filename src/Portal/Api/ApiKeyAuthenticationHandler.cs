using System.Security.Claims;
using System.Text.Encodings.Web;
using Consortium.Grains.ApiKeys;
using Consortium.Grains.Snapshots;
using Consortium.Portal.Security;
using Consortium.Silo.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Api;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c> with the operator's key or a tenant's API key.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ConsortiumOptions> consortium,
    IGrainFactory grains,
    TenantSnapshots snapshots,
    FailedApiKeyAttempts failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string TooManyFailures = "consortium.api-key-failures";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = header["Bearer ".Length..].Trim();
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!failures.MayTry(client, out var retryAfter))
        {
            Context.Items[TooManyFailures] = retryAfter;
            return AuthenticateResult.Fail("Too many wrong API keys from this client.");
        }

        if (OperatorKey.Matches(presented, consortium.Value.OperatorApiKey))
        {
            return Success(new Claim(ApiClaims.Role, ApiClaims.OperatorRole), new Claim(ApiClaims.KeyId, ApiClaims.OperatorRole));
        }
        if (ApiKey.TryParse(presented, out var key)
            && await snapshots.ApiKeyValidAsync(grains, key.TenantSlug, key.Id, key.Secret))
        {
            return Success(new Claim(ApiClaims.Role, ApiClaims.TenantRole), new Claim(ApiClaims.Tenant, key.TenantSlug),
                new Claim(ApiClaims.KeyId, $"{key.TenantSlug}.{key.Id}"));
        }
        failures.Failed(client);
        // Never echo the key: it may be a real one with a typo.
        return AuthenticateResult.Fail("The API key is not valid.");
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750), so a client knows how to authenticate; 429 with
    /// Retry-After once this client has presented too many wrong keys.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[TooManyFailures] is TimeSpan retryAfter)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = RetryAfter.Seconds(retryAfter);
            return Task.CompletedTask;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
