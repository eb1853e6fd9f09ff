namespace Consortium.Grains.Lti;

[GenerateSerializer, Alias("LtiPlatformsState")]
public sealed record LtiPlatformsState
{
    [Id(0)] public Dictionary<string, LtiPlatform> Platforms { get; init; } = new(StringComparer.Ordinal);
}
