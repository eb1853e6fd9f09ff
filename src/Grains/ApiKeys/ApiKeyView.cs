namespace Consortium.Grains.ApiKeys;

/// <summary>A key as its tenant's admins see it later: never the secret.</summary>
[GenerateSerializer, Immutable]
public sealed record ApiKeyView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Hint,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? LastUsedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt);
