using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Grains.Badges.DataIntegrity;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Consortium.Grains.Tests.Badges.DataIntegrity;

/// <summary>
/// Our eddsa-rdfc-2022 against digitalbazaar's (@digitalbazaar/data-integrity with eddsa-rdfc-2022-cryptosuite, from npm, run by
/// tests/tools/badges/di.mjs): each verifies what the other signs, both refuse the same tampering, and both accept 1EdTech's
/// signed test vector with the key its verificationMethod names.
/// </summary>
public sealed class EddsaRdfc2022Tests
{
    private static JsonObject Example(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf($"tests/Grains.Tests/Badges/Vendor/examples/{name}.json")))!.AsObject();

    private static JsonObject Unsigned(string name)
    {
        var credential = Example(name);
        credential.Remove("proof");
        return credential;
    }

    /// <summary>The vector's verificationMethod is <c>https://example.edu/issuers/565049#z6Mk…</c>: the fragment is the Multikey.</summary>
    private const string VectorKey = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

    [Fact]
    public async Task OneEdTechsSignedVectorVerifiesWithTheKeyItsVerificationMethodNames()
    {
        var vector = Example("ldpSignedOpenBadgeCredential");
        var tampered = Example("ldpSignedOpenBadgeCredential");
        tampered["credentialSubject"]!["achievement"]!["name"] = "Teamwork (altered)";

        Assert.True(EddsaRdfc2022.Verify(vector, Multikey.Decode(VectorKey)));
        Assert.True(await DataIntegrityChecks.VerifiesAsync(vector, VectorKey));
        Assert.False(EddsaRdfc2022.Verify(tampered, Multikey.Decode(VectorKey)));
        Assert.False(await DataIntegrityChecks.VerifiesAsync(tampered, VectorKey));
    }

    [Fact]
    public async Task ACredentialSignedByDigitalBazaarVerifiesWithOurs()
    {
        var (signed, publicKey) = await DataIntegrityChecks.SignAsync(Unsigned("basicOpenBadgeCredential"));

        var proof = EddsaRdfc2022.ReadProof(signed);

        Assert.Equal($"did:key:{publicKey}#{publicKey}", proof.VerificationMethod);
        Assert.Equal(publicKey, Multikey.FromDidKeyMethod(proof.VerificationMethod)!.Value.Did[Multikey.DidKeyPrefix.Length..]);
        Assert.True(EddsaRdfc2022.Verify(signed, Multikey.FromDidKeyMethod(proof.VerificationMethod)!.Value.Key));
    }

    [Theory]
    [InlineData("basicOpenBadgeCredential")]
    [InlineData("achievementAlignmentCase")]
    [InlineData("ours")]
    public async Task ACredentialSignedByOursVerifiesWithDigitalBazaars(string example)
    {
        var (privateKey, method) = NewKey();
        var unsigned = example == "ours"
            ? JsonSerializer.SerializeToNode(OpenBadgeCredentialTests.Build(hasLogo: true, validityMonths: 24), VcJwt.Json)!.AsObject()
            : Unsigned(example);

        var signed = EddsaRdfc2022.Sign(unsigned, privateKey, method, DateTimeOffset.UtcNow);

        Assert.True(await DataIntegrityChecks.VerifiesAsync(signed));
        Assert.True(EddsaRdfc2022.Verify(signed, Multikey.FromDidKeyMethod(method)!.Value.Key));
    }

    public static TheoryData<string> Tamperings => [.. ProofTampering.All];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task ATamperedCredentialFailsWithBoth(string tampering)
    {
        var (privateKey, method) = NewKey();
        var signed = EddsaRdfc2022.Sign(Unsigned("basicOpenBadgeCredential"), privateKey, method, DateTimeOffset.UtcNow);
        ProofTampering.Apply(signed, tampering);

        Assert.False(EddsaRdfc2022.Verify(signed, Multikey.FromDidKeyMethod(method)!.Value.Key));
        Assert.False(await DataIntegrityChecks.VerifiesAsync(signed));
    }

    [Fact]
    public void AnotherKeyDoesNotVerify()
    {
        var (privateKey, method) = NewKey();
        var (_, other) = NewKey();
        var signed = EddsaRdfc2022.Sign(Unsigned("basicOpenBadgeCredential"), privateKey, method, DateTimeOffset.UtcNow);

        Assert.False(EddsaRdfc2022.Verify(signed, Multikey.FromDidKeyMethod(other)!.Value.Key));
    }

    [Fact]
    public void AMultikeyIsTheEd25519PublicKeyBehindMulticodecEd01()
    {
        // The key pair of @digitalbazaar/data-integrity's README: the secret Multikey is 0x80 0x26 and the 32-byte seed.
        var secret = Base58Btc.Decode("rv3rbPamVDGvrm7LkYPLWYJ35P9audujKKsWn3x29EUiGwwhdZQd1iHhrsmZidtVALBQmhX3j9E5Fvx6Kr29DPt6LH");
        var seed = secret[2..34];

        var publicKey = new Ed25519PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded();

        Assert.Equal([0x80, 0x26], secret[..2]);
        Assert.Equal("z6MkwXG2WjeQnNxSoynSGYU8V9j3QzP3JSqhdmkHc6SaVWoT", Multikey.Encode(publicKey));
        Assert.Equal(publicKey, Multikey.Decode("z6MkwXG2WjeQnNxSoynSGYU8V9j3QzP3JSqhdmkHc6SaVWoT"));
        Assert.Null(Multikey.Decode("zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"));
    }

    [Fact]
    public void AProofOfAnotherCryptosuiteIsUnsupportedAndOneWithoutProofValueMalformed()
    {
        var other = Example("ldpSignedOpenBadgeCredential");
        other["proof"]!["cryptosuite"] = "ecdsa-rdfc-2019";
        var bare = Example("ldpSignedOpenBadgeCredential");
        bare["proof"]!.AsObject().Remove("proofValue");

        Assert.Throws<UnsupportedProofException>(() => EddsaRdfc2022.ReadProof(other));
        Assert.Contains("proof.proofValue is required", Assert.Throws<MalformedProofException>(() => EddsaRdfc2022.ReadProof(bare)).Message);
    }

    private static (byte[] PrivateKey, string Method) NewKey()
    {
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());
        var multikey = Multikey.Encode(key.GeneratePublicKey().GetEncoded());
        return (key.GetEncoded(), $"did:key:{multikey}#{multikey}");
    }
}
