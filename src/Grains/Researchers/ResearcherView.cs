namespace Consortium.Grains.Researchers;

/// <summary>A researcher's consent as the researcher, the admin and the API see it: never the tokens.</summary>
[GenerateSerializer, Immutable, Alias("ResearcherView")]
public sealed record ResearcherView(
    [property: Id(0)] string Orcid,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Environment,
    [property: Id(3)] ConsentStatus Status,
    [property: Id(4)] IReadOnlyList<string> Scopes,
    [property: Id(5)] DateTimeOffset ConnectedAt,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] DateTimeOffset? EndedAt)
{
    public bool IsConnected => Status == ConsentStatus.Connected;
}
