using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges.DataIntegrity;
using Consortium.Grains.Interfaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Grains.Badges;

public sealed class IssuerKeysGrain(
    [PersistentState("issuer-keys", GrainStorage.Name)] IPersistentState<IssuerKeysState> state,
    IDataProtectionProvider protection,
    TimeProvider clock) : Grain, IIssuerKeysGrain
{
    private static readonly JsonWebTokenHandler Tokens = new();

    // Opened once per activation: unprotecting and importing a private key per signature would cost more than signing.
    private (string Id, RSA Key)? _signing;

    private IDataProtector Protector => protection.CreateProtector(IssuerKeys.ProtectionPurpose(this.GetPrimaryKeyString()));

    public async Task<string> SignAsync(string payload, string jwksUrl)
    {
        if (state.State.Keys.Count == 0)
        {
            await AddKeyAsync();
        }
        var current = state.State.Keys[^1];
        if (_signing?.Id != current.Id)
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(current.ProtectedPrivateKey)), out _);
            _signing?.Key.Dispose();
            _signing = (current.Id, rsa);
        }
        var key = new RsaSecurityKey(_signing.Value.Key) { KeyId = IssuerKeys.Kid(jwksUrl, current.Id) };
        // The handler writes the header OB 3.0 allows: alg, kid and typ "JWT", nothing more.
        return Tokens.CreateToken(payload, new SigningCredentials(key, IssuerKeys.Algorithm));
    }

    public Task<IReadOnlyList<PublicSigningKey>> GetPublicKeysAsync(string jwksUrl) =>
        Task.FromResult<IReadOnlyList<PublicSigningKey>>([.. state.State.Keys.Select(k => k.Public(jwksUrl))]);

    public async Task<string> SignWithProofAsync(string credential, string keysUrl)
    {
        if (state.State.ProofKeys.Count == 0)
        {
            await AddProofKeyAsync();
        }
        var current = state.State.ProofKeys[^1];
        var seed = Protector.Unprotect(Convert.FromBase64String(current.ProtectedSeed));
        try
        {
            var unsigned = JsonNode.Parse(credential)?.AsObject() ?? throw new ArgumentException("The credential is not a JSON object.", nameof(credential));
            return EddsaRdfc2022.Sign(unsigned, seed, BadgeLinks.ProofKeyOf(keysUrl, current.Id), clock.GetUtcNow()).ToJsonString();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public Task<string?> GetProofKeyAsync(string keyId) =>
        Task.FromResult(state.State.ProofKeys.FirstOrDefault(k => k.Id == keyId)?.PublicKeyMultibase);

    public async Task<PublicSigningKey> RotateAsync(string jwksUrl)
    {
        await AddKeyAsync();
        await AddProofKeyAsync();
        return state.State.Keys[^1].Public(jwksUrl);
    }

    private async Task AddProofKeyAsync()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var key = new ProofKey(
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)),
            Convert.ToBase64String(Protector.Protect(seed)),
            Multikey.Encode(Ed25519.PublicKey(seed)),
            clock.GetUtcNow());
        CryptographicOperations.ZeroMemory(seed);
        state.State = state.State with { ProofKeys = [.. state.State.ProofKeys, key] };
        await state.WriteStateAsync();
    }

    private async Task AddKeyAsync()
    {
        using var rsa = RSA.Create(IssuerKeys.KeySizeBits);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var key = new SigningKey(
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)),
            Convert.ToBase64String(Protector.Protect(rsa.ExportPkcs8PrivateKey())),
            Base64Url.EncodeToString(parameters.Modulus),
            Base64Url.EncodeToString(parameters.Exponent),
            clock.GetUtcNow());
        state.State = state.State with { Keys = [.. state.State.Keys, key] };
        await state.WriteStateAsync();
    }
}
