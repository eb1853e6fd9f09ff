using Consortium.Grains.Billing;

namespace Consortium.Grains.Interfaces;

/// <summary>A member organisation's production usage by month, counted from its real events (a researcher's consent granted,
/// an issuance written to an ORCID record). Key: <see cref="Tenants.TenantKey.For"/> of its slug. Sandbox is never counted.</summary>
[Alias("IMemberUsageGrain")]
public interface IMemberUsageGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<MemberUsage> GetAsync();

    /// <summary>A researcher connected (granted consent) in production: counted once a month per ORCID iD.</summary>
    [Alias("ResearcherConnected")]
    Task ResearcherConnectedAsync(string orcid);

    /// <summary>An issuance was written to a researcher's record in production: counted once per issuance.</summary>
    [Alias("IssuanceWritten")]
    Task IssuanceWrittenAsync(string issuance);

    /// <summary>Stripe was told of <paramref name="metric"/>'s overage for <paramref name="month"/>: it is never reported again.</summary>
    [Alias("MarkReported")]
    Task MarkReportedAsync(string month, string metric);
}

public static class MemberUsageGrainExtensions
{
    public static IMemberUsageGrain GetMemberUsage(this IGrainFactory grains, string tenant) =>
        grains.GetGrain<IMemberUsageGrain>(Tenants.TenantKey.For(tenant));
}
