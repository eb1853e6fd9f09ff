using Consortium.Grains.OrcidClients;

namespace Consortium.Grains.Issuing;

/// <summary>Keys of the issuing grains. An issuance's public id is <c>{environment}.{externalId}</c>: the tenant's own
/// external id, so the same external id always names the same issuance and is never written twice.</summary>
public static class IssuingKey
{
    /// <summary>The tenant's issuing ledger and queue for one environment.</summary>
    public static string For(string tenantSlug, string environment) => $"q:{tenantSlug}:{environment}";

    public static (string Tenant, string Environment) ParseLedger(string key)
    {
        var parts = key.Split(':');
        return (parts[1], parts[2]);
    }

    public static string IssuanceId(string environment, string externalId) => $"{environment}.{externalId}";

    /// <returns>The environment and external id of a public issuance id, or null when it is not one.</returns>
    public static (string Environment, string ExternalId)? ParseIssuanceId(string? id) =>
        id?.Split('.', 2) is [var environment, { Length: > 0 } externalId] && environment is OrcidEnvironmentName.Sandbox or OrcidEnvironmentName.Production
            ? (environment, externalId)
            : null;

    public static string Issuance(string tenantSlug, string issuanceId) => $"i:{tenantSlug}:{issuanceId}";

    /// <summary>A certificate id of the tenant, naming one of its issuances.</summary>
    public static string Certificate(string tenantSlug, string certificateId) => $"c:{tenantSlug}:{certificateId}";

    public static (string Tenant, string Environment, string ExternalId) ParseIssuance(string key)
    {
        var parts = key.Split(':', 3);
        var (environment, externalId) = ParseIssuanceId(parts[2])!.Value;
        return (parts[1], environment, externalId);
    }
}
