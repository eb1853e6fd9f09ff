using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Issuing;

/// <summary>Keys of the issuing grains. An issuance's public id is <c>{environment}.{externalId}</c>: the tenant's own
/// external id, so the same external id always names the same issuance and is never written twice.</summary>
public static class IssuingKey
{
    /// <summary>The tenant's issuing ledger and queue for one environment.</summary>
    public static string For(string tenantSlug, OrcidEnvironment environment) => $"q:{tenantSlug}:{environment.Name()}";

    public static (string Tenant, OrcidEnvironment Environment) ParseLedger(string key)
    {
        var parts = key.Split(':');
        return (parts[1], OrcidEnvironmentName.FromName(parts[2]));
    }

    public static string IssuanceId(OrcidEnvironment environment, string externalId) => $"{environment.Name()}.{externalId}";

    /// <returns>The environment and external id of a public issuance id, or null when it is not one.</returns>
    public static (OrcidEnvironment Environment, string ExternalId)? ParseIssuanceId(string? id) =>
        id?.Split('.', 2) is [var name, { Length: > 0 } externalId] && OrcidEnvironmentName.TryParse(name) is { } environment
            ? (environment, externalId)
            : null;

    public static string Issuance(string tenantSlug, string issuanceId) => $"i:{tenantSlug}:{issuanceId}";

    /// <summary>A certificate id of the tenant, naming one of its issuances.</summary>
    public static string Certificate(string tenantSlug, string certificateId) => $"c:{tenantSlug}:{certificateId}";

    public static (string Tenant, OrcidEnvironment Environment, string ExternalId) ParseIssuance(string key)
    {
        var parts = key.Split(':', 3);
        var (environment, externalId) = ParseIssuanceId(parts[2])!.Value;
        return (parts[1], environment, externalId);
    }
}
