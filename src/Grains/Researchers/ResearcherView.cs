using System.Text.Json.Serialization;
using Consortium.Orcid;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Researchers;

/// <summary>A researcher's consent as the researcher, the admin and the API see it: never the tokens.</summary>
[GenerateSerializer, Immutable, Alias("ResearcherView")]
public sealed record ResearcherView(
    [property: Id(0)] string Orcid,
    [property: Id(1)] string? Name,
    [property: Id(3)] ConsentStatus Status,
    [property: Id(4)] IReadOnlyList<string> Scopes,
    [property: Id(5)] DateTimeOffset ConnectedAt,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] DateTimeOffset? EndedAt)
{
    /// <summary>Stored by its wire name under the [Id] it has always had, so state written while it was a string still reads.</summary>
    [Id(2), JsonIgnore] public string EnvironmentName { get; init; } = "";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }

    public bool IsConnected => Status == ConsentStatus.Connected;
}
