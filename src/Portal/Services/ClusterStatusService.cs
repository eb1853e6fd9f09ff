using Consortium.Silo.Hosting;
using Consortium.Silo.Storage;

namespace Consortium.Portal.Services;

/// <summary>What the home page shows about where the portal runs.</summary>
public sealed record ClusterStatus(HostingMode Mode, string ServiceId, string ClusterId, string StorageKind, string StorageLocation, IReadOnlyList<SiloStatusLine> Silos);

public sealed record SiloStatusLine(string Address, string Status);

public sealed class ClusterStatusService(IGrainFactory grains, OrleansHostingOptions options, ConsortiumDatabase database)
{
    public async Task<ClusterStatus> GetAsync()
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        var silos = hosts.Select(host => new SiloStatusLine(host.Key.ToParsableString(), host.Value.ToString()))
            .OrderBy(silo => silo.Address)
            .ToList();
        return new ClusterStatus(options.Mode, options.ServiceId, options.ClusterId, database.Kind, database.Description, silos);
    }
}
