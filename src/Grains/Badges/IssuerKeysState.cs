namespace Consortium.Grains.Badges;

[GenerateSerializer, Alias("IssuerKeysState")]
public sealed record IssuerKeysState
{
    /// <summary>Oldest first; the last one signs.</summary>
    [Id(0)] public IReadOnlyList<SigningKey> Keys { get; init; } = [];
}
