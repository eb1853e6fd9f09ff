namespace Consortium.Grains.Billing;

/// <summary>What a member organisation's usage grain stores: its months, newest first.</summary>
[GenerateSerializer, Immutable, Alias("MemberUsage")]
public sealed record MemberUsage
{
    [Id(0)] public IReadOnlyList<UsageMonth> Months { get; init; } = [];

    /// <summary>The issuances counted last, so one told again (a retried call after a lost answer) is not counted twice;
    /// a window, not the history, which would grow with every issuance.</summary>
    [Id(1)] public IReadOnlyList<string> RecentIssuances { get; init; } = [];
}
