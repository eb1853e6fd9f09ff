using Consortium.Grains.Issuing;

namespace Consortium.Grains.Interfaces;

/// <summary>Which issuance a certificate id names. Key: <see cref="IssuingKey.Certificate"/>.</summary>
[Alias("ICertificateGrain")]
public interface ICertificateGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(string issuanceId);

    /// <returns>The issuance's public id, or null when no issuance has this certificate id.</returns>
    [Alias("GetIssuanceId")]
    Task<string?> GetIssuanceIdAsync();
}
