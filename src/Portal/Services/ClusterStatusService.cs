using Consortium.Silo.Hosting;
using Consortium.Silo.Storage;

namespace Consortium.Portal.Services;

/// <summary>What the home page shows about where the portal runs.</summary>
public sealed record ClusterStatus(HostingMode Mode, string ServiceId, string ClusterId, string StorageKind, string StorageLocation, IReadOnlyList<SiloStatusLine> Silos);

/// <param name="Since">When the silo started, or, for a dead one, when it last said it was alive (Orleans' membership table).
/// Dead silos stay listed until Orleans removes their rows (<c>Orleans:Membership:DefunctSiloExpiration</c>).</param>
public sealed record SiloStatusLine(string Address, string Name, SiloStatus Status, DateTimeOffset Since)
{
    public bool IsDead => Status == SiloStatus.Dead;
}

public sealed class ClusterStatusService(IGrainFactory grains, OrleansHostingOptions options, ConsortiumDatabase database)
{
    public async Task<ClusterStatus> GetAsync()
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var silos = hosts
            .Select(host => new SiloStatusLine(host.SiloAddress.ToParsableString(), host.SiloName, host.Status,
                new DateTimeOffset(DateTime.SpecifyKind(host.Status == SiloStatus.Dead ? host.IAmAliveTime : host.StartTime, DateTimeKind.Utc))))
            .OrderBy(silo => silo.IsDead)
            .ThenByDescending(silo => silo.Since)
            .ToList();
        return new ClusterStatus(options.Mode, options.ServiceId, options.ClusterId, database.Kind, database.Description, silos);
    }
}
