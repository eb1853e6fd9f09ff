using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Portal.Badges;

/// <summary>Reads a credential's revocation bit from its Bitstring Status List, after checking that the list is signed by the
/// credential's own issuer (https://www.w3.org/TR/vc-bitstring-status-list/, "Validate Algorithm").</summary>
public sealed class StatusListCheck(BadgeFetcher fetcher, PublishedKeys keys)
{
    /// <returns>Whether the bit is set, or null when the list cannot be read or trusted; and a sentence saying so.</returns>
    public async Task<(bool? Revoked, string Detail)> CheckAsync(BadgeStatusEntry status, string issuerId, CancellationToken cancellation)
    {
        var unavailable = $"The status list {status.ListUrl} could not be read, so the credential may be revoked.";
        if (await fetcher.GetAsync(new Uri(status.ListUrl), cancellation) is not { } body || BadgeSubmission.FromText(body) is not BadgeSubmission.Jwt list)
        {
            return (null, unavailable);
        }
        try
        {
            var token = new JsonWebToken(list.Token);
            if (await keys.FindAsync(token, issuerId, cancellation) is not ({ } key, _) || !await PublishedKeys.SignedByAsync(list.Token, key))
            {
                return (null, $"The status list {status.ListUrl} is not signed by the credential's issuer.");
            }
            var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
            if ((payload?["vc"] ?? payload)?["credentialSubject"]?["encodedList"]?.GetValue<string>() is not { } encoded)
            {
                return (null, unavailable);
            }
            return Bitstring.IsSet(encoded, status.Index)
                ? (true, $"The issuer has revoked the credential: bit {status.Index} of {status.ListUrl} is set.")
                : (false, $"Not revoked: bit {status.Index} of {status.ListUrl} is clear.");
        }
        catch (Exception broken) when (broken is ArgumentException or SecurityTokenMalformedException or JsonException
            or FormatException or InvalidOperationException or InvalidDataException)
        {
            return (null, unavailable);
        }
    }
}
