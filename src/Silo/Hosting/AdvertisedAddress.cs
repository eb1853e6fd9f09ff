using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Consortium.Silo.Hosting;

/// <summary>
/// The address a cluster silo puts in the membership table, where other silos and clients look it up: the configured
/// <c>Orleans:AdvertisedIPAddress</c>, else this host's own. Never loopback when the host has another address: a loopback
/// entry is unreachable from every other machine, so a silo advertising it joins a cluster nobody else can talk to.
/// </summary>
public sealed record AdvertisedAddress(IPAddress Address, bool IsFallback)
{
    public static AdvertisedAddress Choose(IPAddress? configured) =>
        configured is not null ? new(configured, IsFallback: false)
        : FirstHostAddress() is { } own ? new(own, IsFallback: false)
        : new(IPAddress.Loopback, IsFallback: true);

    /// <summary>The first IPv4 address of an interface that is up and not loopback, in the order the system lists them.</summary>
    public static IPAddress? FirstHostAddress() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
        .Select(unicast => unicast.Address)
        .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address));
}
