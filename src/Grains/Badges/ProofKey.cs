namespace Consortium.Grains.Badges;

/// <summary>One Ed25519 key a tenant signs the Data Integrity (eddsa-rdfc-2022) form of its credentials with. The 32-byte seed
/// is only ever stored protected by Data Protection (<see cref="IssuerKeys.ProtectionPurpose"/>); the public key, a Multikey
/// (<c>z6Mk…</c>), is published at <see cref="BadgeLinks.ProofKey"/> and stays there after a rotation.</summary>
[GenerateSerializer, Immutable, Alias("ProofKey")]
public sealed record ProofKey(
    [property: Id(0)] string Id,
    [property: Id(1)] string ProtectedSeed,
    [property: Id(2)] string PublicKeyMultibase,
    [property: Id(3)] DateTimeOffset CreatedAt);
