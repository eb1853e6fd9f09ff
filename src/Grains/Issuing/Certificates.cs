using System.Buffers.Text;
using System.Security.Cryptography;

namespace Consortium.Grains.Issuing;

/// <summary>An issuance's public certificate: a random id, so a certificate cannot be found from an organisation's
/// (often sequential) external ids, and the page's address, which goes on the ORCID record.</summary>
public static class Certificates
{
    /// <returns>128 random bits, URL-safe base64 (22 characters).</returns>
    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string Url(string portalUrl, string tenantSlug, string certificateId) =>
        $"{portalUrl.TrimEnd('/')}/t/{tenantSlug}/certificates/{certificateId}";
}
