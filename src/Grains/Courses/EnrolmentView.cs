using System.Text.Json.Serialization;
using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Courses;

/// <summary>A learner's sign-up to a course, and the iD they connected through its link (<see cref="ConnectedOrcid"/>).</summary>
[GenerateSerializer, Immutable, Alias("EnrolmentView")]
public sealed record EnrolmentView(
    [property: Id(0)] string Id,
    [property: Id(1)] Learner Learner,
    [property: Id(2)] Course Course,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? ConnectedOrcid = null,
    [property: Id(5)] DateTimeOffset? ConnectedAt = null)
{
    [Id(6), JsonIgnore] public string EnvironmentName { get; init; } = "";

    public OrcidEnvironment Environment { get => OrcidEnvironmentName.FromName(EnvironmentName); init => EnvironmentName = value.Name(); }
}
