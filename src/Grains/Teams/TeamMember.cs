namespace Consortium.Grains.Teams;

/// <param name="Name">Their name as their sign-in gave it when they joined; null for members from before names were kept.</param>
/// <param name="Email">The address they were invited at, where the portal writes to them (launch reviews, say).</param>
[GenerateSerializer, Immutable, Alias("TeamMember")]
public sealed record TeamMember(
    [property: Id(0)] string Orcid,
    [property: Id(1)] DateTimeOffset JoinedAt,
    [property: Id(2)] string? Name = null,
    [property: Id(3)] string? Email = null);
