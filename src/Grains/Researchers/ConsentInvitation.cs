using System.Text.Json.Serialization;
using Consortium.Orcid;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Researchers;

/// <summary>An emailed invitation to connect, made for one issuance. What the researcher page needs to prefill ORCID's form.</summary>
[GenerateSerializer, Immutable, Alias("ConsentInvitation")]
public sealed record ConsentInvitation(
    [property: Id(0)] string Id,
    [property: Id(1)] string Tenant,
    [property: Id(3)] string IssuanceId,
    [property: Id(4)] string Email,
    [property: Id(5)] string? GivenNames,
    [property: Id(6)] string? FamilyNames,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] string TemplateId,
    [property: Id(9)] string? AcceptedBy = null)
{
    /// <summary>Stored by its wire name under the [Id] it has always had, so state written while it was a string still reads.</summary>
    [Id(2), JsonIgnore] public string EnvironmentName { get; init; } = "";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }
}
