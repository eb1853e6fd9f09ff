using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Consortium.Silo.Hosting;

/// <summary>The <c>Orleans</c> configuration section.</summary>
public sealed class OrleansHostingOptions
{
    public const string SectionName = "Orleans";

    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>Embedded mode keeps its SQLite file here; relative paths are from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Keys every state and reminder row: changing it orphans stored data.</summary>
    [Required]
    public string ServiceId { get; set; } = "consortium";

    [Required]
    public string ClusterId { get; set; } = "consortium";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Cluster mode: the address this silo advertises to the others and to clients. When unset, the host's first
    /// non-loopback IPv4 address (see <see cref="Hosting.AdvertisedAddress"/>).</summary>
    public string? AdvertisedIPAddress { get; set; }

    public IPAddress? AdvertisedAddress => string.IsNullOrWhiteSpace(AdvertisedIPAddress) ? null
        : IPAddress.TryParse(AdvertisedIPAddress.Trim(), out var address) ? address
        : throw new InvalidOperationException($"Orleans:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address (e.g. 10.0.0.12).");

    /// <summary>Cluster and client modes: the PostgreSQL connection string (<c>ConnectionStrings:Consortium</c>).</summary>
    public string? PostgresConnectionString { get; set; }

    public string SqliteDatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "consortium.db"));
}
