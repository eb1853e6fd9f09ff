namespace Consortium.Grains.ApiKeys;

[GenerateSerializer, Alias("ApiKeysState")]
public sealed record ApiKeysState
{
    [Id(0)] public IReadOnlyList<StoredApiKey> Keys { get; init; } = [];
}

/// <summary>A key at rest: a SHA-256 hash of its secret, never the secret.</summary>
[GenerateSerializer, Immutable, Alias("StoredApiKey")]
public sealed record StoredApiKey(
    [property: Id(0)] ApiKeyView View,
    [property: Id(1)] byte[] SecretHash);
