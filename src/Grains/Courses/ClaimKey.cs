using Consortium.Grains.Issuing;
using Consortium.Orcid;

namespace Consortium.Grains.Courses;

/// <summary>Keys of the claim grains. A claim's id is the id of the issuance it becomes (<see cref="IssuingKey.IssuanceId"/>), so
/// the same external id is the same claim and is never written twice.</summary>
public static class ClaimKey
{
    public static string Id(OrcidEnvironment environment, string externalId) => IssuingKey.IssuanceId(environment, externalId);

    public static string For(string tenantSlug, string claimId) => $"cl:{tenantSlug}:{claimId}";

    /// <summary>A link handle of the tenant, naming one of its claims.</summary>
    public static string Link(string tenantSlug, string handle) => $"cll:{tenantSlug}:{handle}";

    /// <summary>Data Protection purpose of a tenant's claim links.</summary>
    public static string ProtectionPurpose(string tenantSlug) => $"Consortium.ClaimLink.{tenantSlug}";

    public static (string Tenant, OrcidEnvironment Environment, string ExternalId) Parse(string key)
    {
        var parts = key.Split(':', 3);
        var (environment, externalId) = IssuingKey.ParseIssuanceId(parts[2])!.Value;
        return (parts[1], environment, externalId);
    }
}
