namespace Consortium.Grains.Issuing;

/// <summary>The outcome of submitting one issuance. <see cref="InvitationToken"/> is set when an email invitation
/// must be sent (the link's secret is returned only here, once).</summary>
[GenerateSerializer, Immutable]
public sealed record IssuanceCreated(
    [property: Id(0)] IssuanceView View,
    [property: Id(1)] bool Changed,
    [property: Id(2)] string? InvitationToken)
{
    public override string ToString() => $"IssuanceCreated {{ Id = {View.Id}, Status = {View.Status}, Changed = {Changed} }}";
}
