namespace Consortium.Grains.Launch;

[GenerateSerializer, Alias("LaunchReviewState")]
public sealed record LaunchReviewState
{
    [Id(0)] public LaunchReviewStatus Status { get; init; }

    [Id(1)] public DateTimeOffset? SubmittedAt { get; init; }

    [Id(2)] public string? SubmittedBy { get; init; }

    [Id(3)] public DateTimeOffset? DecidedAt { get; init; }

    [Id(4)] public string? DecidedBy { get; init; }

    [Id(5)] public string? Comments { get; init; }
}
