namespace Consortium.Grains.ApiKeys;

/// <summary>A new key, with its secret: returned once, when it is made, and never again.</summary>
[GenerateSerializer, Immutable]
public sealed record CreatedApiKey([property: Id(0)] ApiKeyView View, [property: Id(1)] string Key);
