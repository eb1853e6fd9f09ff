using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Portal.Tests.Lti;

/// <summary>
/// An LTI 1.3 platform, as small as a launch needs (1EdTech LTI Core 1.3 and Security Framework 1.0): it starts the OIDC third-party
/// login at the tool (<c>/start</c>), answers the tool's authentication request with an RS256 id_token posted back by an auto-submitting
/// form (<c>/auth</c>, response_mode form_post), and publishes its public key (<c>/jwks</c>). Tests also make id_tokens directly, with
/// the flaws a launch must be refused for.
/// </summary>
public sealed class LtiPlatformLookAlike : IAsyncDisposable
{
    public const string ClientId = "consortium-tool";
    public const string DeploymentId = "deployment-1";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);

    public LtiPlatformLookAlike()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(BaseAddress.AbsoluteUri);
        _app = builder.Build();
        _app.MapGet("/jwks", () => Results.Json(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = "platform-key-1" }) } }));
        _app.MapGet("/start", (string toolLoginUrl, string learner) => Results.Redirect(toolLoginUrl
            + $"?iss={Uri.EscapeDataString(Issuer)}&login_hint={Uri.EscapeDataString(learner)}&target_link_uri={Uri.EscapeDataString(toolLoginUrl)}"
            + $"&client_id={ClientId}&lti_deployment_id={DeploymentId}&lti_message_hint=resource-1"));
        // The course page as a learner sees it: the tool's launch inside an iframe, as LMSs embed LTI tools.
        _app.MapGet("/course", (string toolLoginUrl, string learner) => Results.Content($"""
            <!doctype html><html><body><h1>Laser Safety 101</h1>
            <iframe title="ORCID tool" width="900" height="700" src="{WebUtility.HtmlEncode(StartUrl(new Uri(toolLoginUrl), learner))}"></iframe></body></html>
            """, "text/html"));
        _app.MapGet("/auth", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_mode"] != "form_post" || query["scope"] != "openid" || query["response_type"] != "id_token")
            {
                return Results.BadRequest("not an LTI authentication request");
            }
            var token = IdToken(query["login_hint"]!, query["nonce"]!);
            var html = $"""
                <!doctype html><html><body><form method="post" action="{WebUtility.HtmlEncode(query["redirect_uri"])}">
                <input type="hidden" name="id_token" value="{token}"><input type="hidden" name="state" value="{WebUtility.HtmlEncode(query["state"])}">
                <button type="submit">Continue</button></form><script>document.forms[0].submit()</script></body></html>
                """;
            return Results.Content(html, "text/html");
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public Uri BaseAddress { get; }

    public string Issuer => BaseAddress.AbsoluteUri.TrimEnd('/');

    public string AuthorizationEndpoint => BaseAddress + "auth";

    public string JwksUrl => BaseAddress + "jwks";

    /// <summary>The learner's launch of the course's resource link, as the platform starts it.</summary>
    public string StartUrl(Uri toolLoginUrl, string learner) =>
        $"{BaseAddress}start?toolLoginUrl={Uri.EscapeDataString(toolLoginUrl.AbsoluteUri)}&learner={Uri.EscapeDataString(learner)}";

    /// <summary>The course page that embeds the tool's launch for <paramref name="learner"/> in an iframe.</summary>
    public string CourseUrl(Uri toolLoginUrl, string learner) =>
        $"{BaseAddress}course?toolLoginUrl={Uri.EscapeDataString(toolLoginUrl.AbsoluteUri)}&learner={Uri.EscapeDataString(learner)}";

    /// <summary>A resource-link launch's id_token for <paramref name="learner"/> (also its LMS user id), with the flaws asked for.</summary>
    public string IdToken(string learner, string nonce, bool forged = false, bool expired = false, string audience = ClientId,
        string deploymentId = DeploymentId, string messageType = "LtiResourceLinkRequest")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = expired ? now.AddMinutes(-20) : now,
            NotBefore = expired ? now.AddMinutes(-20) : now.AddSeconds(-5),
            Expires = expired ? now.AddMinutes(-10) : now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = learner,
                ["nonce"] = nonce,
                ["email"] = $"{learner}@example.org",
                ["given_name"] = "Lena",
                ["family_name"] = "Launch",
                ["https://purl.imsglobal.org/spec/lti/claim/message_type"] = messageType,
                ["https://purl.imsglobal.org/spec/lti/claim/version"] = "1.3.0",
                ["https://purl.imsglobal.org/spec/lti/claim/deployment_id"] = deploymentId,
                ["https://purl.imsglobal.org/spec/lti/claim/target_link_uri"] = "https://tool.example/launch",
                ["https://purl.imsglobal.org/spec/lti/claim/resource_link"] = new Dictionary<string, object> { ["id"] = "resource-1", ["title"] = "ORCID" },
                ["https://purl.imsglobal.org/spec/lti/claim/context"] = new Dictionary<string, object> { ["id"] = "LS-101", ["title"] = "Laser Safety 101" },
                ["https://purl.imsglobal.org/spec/lti/claim/roles"] = new[] { "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner" },
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(forged ? _otherKey : _key) { KeyId = "platform-key-1" }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }
}
