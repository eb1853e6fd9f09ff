namespace Consortium.Grains.Courses;

/// <summary>A page of claims, and how many there are.</summary>
[GenerateSerializer, Immutable]
public sealed record ClaimPage(
    [property: Id(0)] IReadOnlyList<ClaimListItem> Items,
    [property: Id(1)] int Total)
{
    public const int MaxTake = 1000;
}
