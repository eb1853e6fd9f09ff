using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consortium.Silo.Hosting;

/// <summary>Says, once at start, that this silo advertises loopback because the host showed no other address.</summary>
internal sealed class LoopbackAdvertisementWarning(ILogger<LoopbackAdvertisementWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("This host has no non-loopback IPv4 address up: the silo advertises 127.0.0.1, which only silos and clients "
            + "on this machine reach. Set Orleans:AdvertisedIPAddress to join silos on other machines.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
