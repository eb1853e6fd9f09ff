using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Consortium.Silo.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Silo.Dashboard;

/// <summary>
/// The operator's key as <c>Authorization: Bearer &lt;key&gt;</c> (scripts, as the portal's API takes it) or as the password of
/// HTTP Basic with any user name: the dashboard is a browser page whose own requests carry no bearer token, and a browser
/// asks for Basic credentials once and sends them with every request after.
/// </summary>
public sealed class OperatorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorDashboardSettings settings) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || PresentedKey(header) is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!OperatorKey.Matches(presented, settings.OperatorApiKey))
        {
            // Never echo the key: it may be the real one with a typo.
            return Task.FromResult(AuthenticateResult.Fail("The operator key is not valid."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "operator")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>401 that makes a browser ask for the key (any user name, the key as password).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Consortium operators\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private static string? PresentedKey(AuthenticationHeaderValue header)
    {
        if (header.Parameter is not { Length: > 0 } parameter)
        {
            return null;
        }
        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return parameter;
        }
        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var decoded = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, decoded, out var length))
        {
            return null;
        }
        var userAndPassword = Encoding.UTF8.GetString(decoded, 0, length);
        var colon = userAndPassword.IndexOf(':');
        return colon < 0 ? null : userAndPassword[(colon + 1)..];
    }
}
