using Consortium.Grains.Badges;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's credential signing keys; the private keys never leave the grain. Key: <see cref="IssuerKeys.For"/>.</summary>
[Alias("IIssuerKeysGrain")]
public interface IIssuerKeysGrain : IGrainWithStringKey
{
    /// <summary>Signs <paramref name="payload"/> (a JSON object) as a compact JWS with the current key, made on first use.</summary>
    /// <param name="jwksUrl">Where the tenant's public keys are published: the <c>kid</c> is built from it.</param>
    [Alias("Sign")]
    Task<string> SignAsync(string payload, string jwksUrl);

    /// <summary>Every key ever used, oldest first, so credentials signed before a rotation still verify.</summary>
    [Alias("GetPublicKeys")]
    Task<IReadOnlyList<PublicSigningKey>> GetPublicKeysAsync(string jwksUrl);

    /// <summary>Signs <paramref name="credential"/> (a JSON credential) with an eddsa-rdfc-2022 Data Integrity proof by the current
    /// Ed25519 key, made on first use.</summary>
    /// <param name="keysUrl"><see cref="BadgeLinks.ProofKeys"/>: the proof's verificationMethod is the key's id under it.</param>
    /// <returns>The credential with its <c>proof</c>.</returns>
    [Alias("SignWithProof")]
    Task<string> SignWithProofAsync(string credential, string keysUrl);

    /// <returns>The public Multikey of the Ed25519 key <paramref name="keyId"/>, or null when the tenant has no such key.</returns>
    [Alias("GetProofKey")]
    Task<string?> GetProofKeyAsync(string keyId);

    /// <summary>Makes a new key the signing one (an RSA key for VC-JWTs and an Ed25519 one for proofs); the old ones stay published.</summary>
    /// <returns>The new key's public form.</returns>
    [Alias("Rotate")]
    Task<PublicSigningKey> RotateAsync(string jwksUrl);
}
