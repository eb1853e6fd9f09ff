using Consortium.Grains.Researchers;

namespace Consortium.Grains.Issuing.Projection;

/// <summary>Which researchers, newest connection first. <see cref="Search"/> matches a part of the iD or name, ignoring case.</summary>
public sealed record ResearcherQuery
{
    public const int MaxTake = 1000;

    public ConsentStatus? Status { get; init; }

    public string? Search { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
