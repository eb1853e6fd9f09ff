namespace Consortium.Grains.Badges;

[GenerateSerializer, Alias("IssuerKeysState")]
public sealed record IssuerKeysState
{
    /// <summary>Oldest first; the last one signs.</summary>
    [Id(0)] public IReadOnlyList<SigningKey> Keys { get; init; } = [];

    /// <summary>The Ed25519 keys of Data Integrity proofs, oldest first; the last one signs.</summary>
    [Id(1)] public IReadOnlyList<ProofKey> ProofKeys { get; init; } = [];
}
