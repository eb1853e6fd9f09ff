using System.Text.Json;
using Consortium.Grains.Courses;
using Consortium.Grains.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Portal.Lti;

/// <summary>
/// Validates a resource-link launch's id_token as LTI Core 1.3 (section 5.1.3) and its security framework ask: signed (RS256) by a
/// key in the platform's JWKS, <c>iss</c> the platform, <c>aud</c> the tool's client id (and <c>azp</c> it when there are several),
/// not expired, <c>nonce</c> the one this login sent, and the deployment, message type and version claims as registered.
/// Microsoft.IdentityModel does the JWT work.
/// </summary>
public sealed class LtiLaunchValidator(HttpClient http)
{
    private static readonly JsonWebTokenHandler Tokens = new();

    /// <returns>The learner and the course the launch is for.</returns>
    /// <exception cref="LtiLaunchRefusedException">The launch is not valid, saying which check failed.</exception>
    public async Task<(Learner Learner, Course Course)> ValidateAsync(string? idToken, LtiPlatform platform, string expectedNonce)
    {
        if (string.IsNullOrWhiteSpace(idToken))
        {
            throw new LtiLaunchRefusedException("The launch has no id_token.");
        }
        var keys = new JsonWebKeySet(await http.GetStringAsync(platform.JwksUrl)).GetSigningKeys();
        var result = await Tokens.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = platform.Issuer,
            ValidAudience = platform.ClientId,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        });
        if (!result.IsValid)
        {
            throw new LtiLaunchRefusedException(result.Exception switch
            {
                SecurityTokenExpiredException => "The id_token has expired.",
                SecurityTokenInvalidAudienceException => "The id_token is not for this tool (aud is not its client id).",
                SecurityTokenInvalidIssuerException => "The id_token is not from the registered platform (iss).",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The id_token's signature does not match the platform's keys.",
                _ => "The id_token is not valid.",
            });
        }
        var token = (JsonWebToken)result.SecurityToken;
        if (token.Audiences.Count() > 1 && (!token.TryGetPayloadValue<string>("azp", out var azp) || azp != platform.ClientId))
        {
            throw new LtiLaunchRefusedException("The id_token names several audiences and azp is not this tool's client id.");
        }
        Require(token, "nonce", expectedNonce, "The id_token's nonce is not the one this login sent (a replayed or forged launch).");
        Require(token, LtiClaims.DeploymentId, platform.DeploymentId, "The launch is for another deployment of the tool.");
        Require(token, LtiClaims.MessageType, LtiClaims.ResourceLinkRequest, "Only resource-link launches (LtiResourceLinkRequest) are supported.");
        Require(token, LtiClaims.Version, LtiClaims.Version13, "Only LTI 1.3.0 launches are supported.");

        var learner = new Learner(Text(token, "email"), Text(token, "given_name"), Text(token, "family_name"), token.Subject);
        var context = token.TryGetPayloadValue<JsonElement>(LtiClaims.Context, out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var course = new Course(Text(context, "id") ?? ResourceLinkId(token) ?? "", Text(context, "title"));
        try
        {
            return (learner.Validated("learner"), course.Validated("course"));
        }
        catch (Grains.Common.InvalidFieldException invalid)
        {
            throw new LtiLaunchRefusedException($"The launch does not name its learner or course: {invalid.Message}");
        }
    }

    private static void Require(JsonWebToken token, string claim, string expected, string refusal)
    {
        if (!token.TryGetPayloadValue<string>(claim, out var value) || value != expected)
        {
            throw new LtiLaunchRefusedException(refusal);
        }
    }

    private static string? Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ResourceLinkId(JsonWebToken token) =>
        token.TryGetPayloadValue<JsonElement>(LtiClaims.ResourceLink, out var link) ? Text(link, "id") : null;
}
