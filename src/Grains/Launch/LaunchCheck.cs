namespace Consortium.Grains.Launch;

/// <summary>One item of the review's checklist: done or not, and the evidence from the tenant's sandbox activity.</summary>
[GenerateSerializer, Immutable]
public sealed record LaunchCheck([property: Id(0)] string Key, [property: Id(1)] string Title, [property: Id(2)] bool Done, [property: Id(3)] string Evidence);
