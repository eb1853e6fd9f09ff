using System.Security.Cryptography;
using Consortium.OrcidSimulator.State;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>Signs id_tokens with RS256 and publishes the key, as ORCID does at /oauth/jwks. A new key each instance.</summary>
public sealed class IdTokenIssuer : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;

    public IdTokenIssuer() => _key = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };

    public string Issue(string issuer, string audience, SimulatedResearcher researcher, string? nonce)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = researcher.Orcid,
            ["given_name"] = researcher.GivenNames,
            ["family_name"] = researcher.FamilyNames,
            ["auth_time"] = EpochTime.GetIntDate(now),
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public object Jwks()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        };
    }

    public void Dispose() => _rsa.Dispose();
}
