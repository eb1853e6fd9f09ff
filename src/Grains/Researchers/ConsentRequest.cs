using Consortium.Orcid;
using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Researchers;

/// <summary>One trip to ORCID's authorize page, remembered under its OAuth <c>state</c> until the researcher comes back.
/// <see cref="BrowserProof"/> is the value of a cookie set in the browser that started it; <see cref="ReturnPath"/> is the
/// tenant's page to come back to (the researcher page when null); <see cref="ClaimToken"/> is the claim link the researcher
/// connects through, claimed once they authorize; <see cref="EnrolmentToken"/> the course sign-up link they connect through.</summary>
[GenerateSerializer, Immutable]
public sealed record ConsentRequest(
    [property: Id(0)] string Tenant,
    [property: Id(1)] OrcidEnvironment Environment,
    [property: Id(2)] string BrowserProof,
    [property: Id(3)] string Nonce,
    [property: Id(4)] string? InvitationToken,
    [property: Id(5)] string? ReturnPath = null,
    [property: Id(6)] string? ClaimToken = null,
    [property: Id(7)] string? EnrolmentToken = null)
{
    public override string ToString() => $"ConsentRequest {{ Tenant = {Tenant}, Environment = {Environment.Name()} }}";
}
