namespace Consortium.Grains.Courses;

[GenerateSerializer, Alias("ClaimLinkState")]
public sealed record ClaimLinkState
{
    [Id(0)] public string? ClaimId { get; init; }
}
