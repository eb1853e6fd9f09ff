using Consortium.Orcid;

namespace Consortium.Grains.Researchers;

/// <summary>How a trip to ORCID ended: the researcher connected (<see cref="Researcher"/>), or denied.
/// <see cref="InvitationToken"/> lets the page offer to try again with the same invitation;
/// <see cref="Notice"/> explains anything the researcher should know (an invitation that could not be used);
/// <see cref="OrcidUnreachable"/>: ORCID did not answer the code exchange, so nothing was connected;
/// <see cref="ClaimRefused"/>: why the claim link the researcher came through could not be claimed.</summary>
[GenerateSerializer, Immutable]
public sealed record ConsentOutcome(
    [property: Id(0)] OrcidEnvironment Environment,
    [property: Id(1)] ResearcherView? Researcher,
    [property: Id(2)] string? InvitationToken,
    [property: Id(3)] string? Notice,
    [property: Id(4)] bool OrcidUnreachable = false,
    [property: Id(5)] string? ReturnPath = null,
    [property: Id(6)] Courses.ClaimRefusal? ClaimRefused = null)
{
    public override string ToString() => $"ConsentOutcome {{ Orcid = {Researcher?.Orcid}, Notice = {Notice} }}";
}
