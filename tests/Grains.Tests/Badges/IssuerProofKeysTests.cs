using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Grains.Badges.DataIntegrity;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Tests.Badges;

/// <summary>A tenant's Ed25519 keys for Data Integrity proofs, in a real cluster on SQLite: made on first use, published by id,
/// rotated with the RSA key; the old key stays published so credentials proven before still verify.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class IssuerProofKeysTests(SqliteClusterFixture fixture)
{
    private static readonly BadgeLinks Links = new("https://portal.example.org/", "acme");

    [Fact]
    public async Task TheProofVerifiesWithThePublishedKeyAndAfterARotationBothKeysStayPublished()
    {
        var keys = fixture.Cluster.Client.GetGrain<IIssuerKeysGrain>(IssuerKeys.For("proof-" + Guid.NewGuid().ToString("N")[..8]));
        var credential = JsonSerializer.Serialize(OpenBadgeCredentialTests.Build(hasLogo: false, validityMonths: 12), VcJwt.Json);

        var first = JsonNode.Parse(await keys.SignWithProofAsync(credential, Links.ProofKeys))!.AsObject();
        await keys.RotateAsync(Links.Jwks);
        var second = JsonNode.Parse(await keys.SignWithProofAsync(credential, Links.ProofKeys))!.AsObject();

        var firstId = KeyId(first);
        var secondId = KeyId(second);
        Assert.NotEqual(firstId, secondId);
        Assert.True(EddsaRdfc2022.Verify(first, Multikey.Decode(await keys.GetProofKeyAsync(firstId))));
        Assert.True(EddsaRdfc2022.Verify(second, Multikey.Decode(await keys.GetProofKeyAsync(secondId))));
        Assert.False(EddsaRdfc2022.Verify(first, Multikey.Decode(await keys.GetProofKeyAsync(secondId))));
        Assert.Null(await keys.GetProofKeyAsync("no-such-key"));
    }

    private static string KeyId(JsonObject signed)
    {
        var method = signed["proof"]!["verificationMethod"]!.GetValue<string>();
        Assert.StartsWith(Links.ProofKeys + "/", method);
        return method[(Links.ProofKeys.Length + 1)..];
    }
}
