namespace Consortium.Grains.Launch;

/// <summary>A member organisation's launch review: where it stands, who did what, and the checklist with its evidence.</summary>
[GenerateSerializer, Immutable, Alias("LaunchReview")]
public sealed record LaunchReview(
    [property: Id(0)] LaunchReviewStatus Status,
    [property: Id(1)] IReadOnlyList<LaunchCheck> Checklist,
    [property: Id(2)] DateTimeOffset? SubmittedAt,
    [property: Id(3)] string? SubmittedBy,
    [property: Id(4)] DateTimeOffset? DecidedAt,
    [property: Id(5)] string? DecidedBy,
    [property: Id(6)] string? Comments)
{
    public bool IsComplete => Checklist.All(check => check.Done);
}
