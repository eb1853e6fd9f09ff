using System.Text.Json.Serialization;
using Consortium.Orcid;

namespace Consortium.Grains.OrcidClients;

/// <summary>A tenant's ORCID member API client for one environment, as anyone may see it: never the secret.</summary>
[GenerateSerializer, Immutable]
public sealed record OrcidClientView(
    [property: Id(1)] string ClientId,
    [property: Id(2)] string SecretHint,
    [property: Id(3)] DateTimeOffset ValidatedAt)
{
    /// <summary>Stored by its wire name under the [Id] it has always had, so state written while it was a string still reads.</summary>
    [Id(0), JsonIgnore] public string EnvironmentName { get; init; } = "";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }
}
