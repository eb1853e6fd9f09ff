namespace Consortium.Grains.Trust;

[GenerateSerializer, Alias("TrustRulesState")]
public sealed record TrustRulesState
{
    /// <summary>Every version of every rule, oldest first.</summary>
    [Id(0)] public Dictionary<string, List<TrustRule>> Rules { get; init; } = new(StringComparer.Ordinal);
}
