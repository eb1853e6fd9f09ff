using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Verification;

public static class VerificationKey
{
    /// <summary>One researcher's record as one tenant reads it in one environment: the read, and its cache, are the tenant's own.</summary>
    public static string Record(string tenantSlug, OrcidEnvironment environment, string orcid) => $"rec:{OrcidClientKey.For(tenantSlug, environment)}:{orcid}";

    public static (string Tenant, OrcidEnvironment Environment, string Orcid) ParseRecord(string key)
    {
        var parts = key.Split(':');
        return (parts[2], OrcidEnvironmentName.FromName(parts[3]), parts[4]);
    }

    /// <summary>Data Protection purpose of the token in a webhook callback address: only ORCID, told the address by us, knows it.</summary>
    public const string WebhookPurpose = "Consortium.OrcidWebhook";
}
