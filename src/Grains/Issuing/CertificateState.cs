namespace Consortium.Grains.Issuing;

[GenerateSerializer, Alias("CertificateState")]
public sealed record CertificateState
{
    [Id(0)] public string? IssuanceId { get; init; }
}
