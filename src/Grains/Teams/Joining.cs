namespace Consortium.Grains.Teams;

/// <summary>Who joins a team through an invitation: their staff id, and what the team keeps to name and write to them.</summary>
/// <param name="InvitationId">The invitation they followed, no longer listed as waiting once they join.</param>
[GenerateSerializer, Immutable, Alias("Joining")]
public sealed record Joining(
    [property: Id(0)] string Orcid,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string InvitationId);
