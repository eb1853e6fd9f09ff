using Consortium.Grains.OrcidRate;

namespace Consortium.Grains.Interfaces;

/// <summary>The cluster's bucket for one ORCID client and API, from which every host's <see cref="LeasedPermitSource"/>
/// takes leases of permits. Key: the rate-limit key of src/Orcid (the client id, prefixed for the public API).</summary>
[Alias("IOrcidRateGrain")]
public interface IOrcidRateGrain : IGrainWithStringKey
{
    /// <summary>Up to <paramref name="wanted"/> permits of a bucket that refills <paramref name="perSecond"/> and holds <paramref name="burst"/>.</summary>
    [Alias("Lease")]
    Task<OrcidPermitLease> LeaseAsync(int wanted, int perSecond, int burst);
}
