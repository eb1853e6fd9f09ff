using System.Text.Json.Serialization;
using Consortium.Orcid;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Issuing;

/// <summary>An issuance as admins, the API, the researcher and the certificate page see it.
/// <see cref="CertificateId"/> names its public certificate page (<see cref="Certificates"/>).</summary>
[GenerateSerializer, Immutable, Alias("IssuanceView")]
public sealed record IssuanceView(
    [property: Id(0)] string Id,
    [property: Id(2)] string ExternalId,
    [property: Id(3)] string TemplateId,
    [property: Id(4)] string? Orcid,
    [property: Id(5)] string? Email,
    [property: Id(6)] IssuanceStatus Status,
    [property: Id(7)] long? PutCode,
    [property: Id(8)] string? Error,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt,
    [property: Id(11)] string? Title,
    [property: Id(12)] DateOnly? StartDate,
    [property: Id(13)] DateOnly? EndDate,
    [property: Id(14)] string? ResearcherName,
    [property: Id(15)] int Attempts,
    [property: Id(16)] string? CertificateId = null)
{
    /// <summary>Stored by its wire name under the [Id] it has always had, so state written while it was a string still reads.</summary>
    [Id(1), JsonIgnore] public string EnvironmentName { get; init; } = "";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }
}
