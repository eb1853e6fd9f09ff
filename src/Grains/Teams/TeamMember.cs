namespace Consortium.Grains.Teams;

[GenerateSerializer, Immutable, Alias("TeamMember")]
public sealed record TeamMember([property: Id(0)] string Orcid, [property: Id(1)] DateTimeOffset JoinedAt);
