namespace Consortium.Grains.Billing;

/// <summary>What a member organisation's usage grain stores: its months, newest first.</summary>
[GenerateSerializer, Immutable, Alias("MemberUsage")]
public sealed record MemberUsage
{
    [Id(0)] public IReadOnlyList<UsageMonth> Months { get; init; } = [];
}
