using System.Buffers.Text;
using System.Security.Cryptography;
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

    public async Task<PublicSigningKey> RotateAsync(string jwksUrl)
    {
        await AddKeyAsync();
        return state.State.Keys[^1].Public(jwksUrl);
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
