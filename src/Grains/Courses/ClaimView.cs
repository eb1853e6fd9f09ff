using System.Text.Json.Serialization;
using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Courses;

/// <summary>A claim as admins, the API and the claim page see it. <see cref="Id"/> is also the id of the issuance it
/// becomes once claimed (<c>{environment}.{externalId}</c>); <see cref="ClaimedBy"/> is the first iD that claimed it.</summary>
[GenerateSerializer, Immutable, Alias("ClaimView")]
public sealed record ClaimView(
    [property: Id(0)] string Id,
    [property: Id(1)] string ExternalId,
    [property: Id(2)] string TemplateId,
    [property: Id(3)] Learner Learner,
    [property: Id(4)] Course Course,
    [property: Id(5)] DateOnly? CompletedAt,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] string? ClaimedBy = null,
    [property: Id(9)] DateTimeOffset? ClaimedAt = null)
{
    [Id(10), JsonIgnore] public string EnvironmentName { get; init; } = "";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }

    /// <summary>Whether the link no longer works for anyone new: unclaimed past its expiry.</summary>
    public bool ExpiredAt(DateTimeOffset now) => ClaimedBy is null && now >= ExpiresAt;
}
