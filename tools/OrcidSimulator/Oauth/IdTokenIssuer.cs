using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Consortium.OrcidSimulator.State;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>Signs id_tokens with this instance's own RSA key (RS256) and publishes the public half as the JWKS.</summary>
public sealed class IdTokenIssuer : IDisposable
{
    readonly RSA rsa = RSA.Create(2048);
    readonly string keyId = Guid.NewGuid().ToString("N");

    /// <param name="withEmail">Adds <c>email</c> and <c>email_verified</c>, as an institution's provider would (never ORCID).</param>
    public string Issue(string issuer, string clientId, SimResearcher researcher, string? nonce, bool withEmail = false)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = researcher.Orcid,
            ["given_name"] = researcher.GivenNames,
            ["family_name"] = researcher.FamilyNames,
            ["auth_time"] = EpochTime.GetIntDate(now),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }
        if (withEmail)
        {
            claims["email"] = researcher.Email;
            claims["email_verified"] = true;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(24),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The JWKS document: the public key only.</summary>
    public object Jwks()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = keyId, n = Base64Url.EncodeToString(parameters.Modulus), e = Base64Url.EncodeToString(parameters.Exponent) },
            },
        };
    }

    public void Dispose() => rsa.Dispose();
}
