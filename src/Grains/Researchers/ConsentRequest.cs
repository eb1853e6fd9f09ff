namespace Consortium.Grains.Researchers;

/// <summary>One trip to ORCID's authorize page, remembered under its OAuth <c>state</c> until the researcher comes back.
/// <see cref="BrowserProof"/> is the value of a cookie set in the browser that started it.</summary>
[GenerateSerializer, Immutable]
public sealed record ConsentRequest(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Environment,
    [property: Id(2)] string BrowserProof,
    [property: Id(3)] string Nonce,
    [property: Id(4)] string? InvitationToken)
{
    public override string ToString() => $"ConsentRequest {{ Tenant = {Tenant}, Environment = {Environment} }}";
}
