namespace Consortium.Grains.Courses;

[GenerateSerializer, Alias("LearnerLinkState")]
public sealed record LearnerLinkState
{
    [Id(0)] public string? Orcid { get; init; }

    [Id(1)] public DateTimeOffset LinkedAt { get; init; }
}
