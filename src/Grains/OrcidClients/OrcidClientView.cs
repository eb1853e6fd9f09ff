namespace Consortium.Grains.OrcidClients;

/// <summary>A tenant's ORCID member API client for one environment, as anyone may see it: never the secret.</summary>
[GenerateSerializer, Immutable]
public sealed record OrcidClientView(
    [property: Id(0)] string Environment,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string SecretHint,
    [property: Id(3)] DateTimeOffset ValidatedAt);
