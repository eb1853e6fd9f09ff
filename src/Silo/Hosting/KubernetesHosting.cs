using System.Net;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Consortium.Silo.Hosting;

/// <summary>
/// <c>Orleans:Kubernetes=true</c>: Orleans' Kubernetes hosting. The silo takes its name and namespace from the pod
/// (<c>POD_NAME</c>, <c>POD_NAMESPACE</c>), advertises the pod's IP (<c>POD_IP</c>), labels its pod with
/// <c>orleans/serviceId</c> and <c>orleans/clusterId</c>, and declares dead the silos whose pods are gone (so it needs get,
/// list, watch and patch on pods). An explicit setting rather than sensing <c>KUBERNETES_SERVICE_HOST</c>: a process in a pod
/// that is no silo of ours, or one without those permissions, must not try it.
/// </summary>
public static class KubernetesHosting
{
    public static void UseKubernetesHostingWhenConfigured(this IHostApplicationBuilder builder, OrleansHostingOptions options)
    {
        if (!options.Kubernetes)
        {
            return;
        }
        if (options.Mode != HostingMode.Cluster)
        {
            throw new InvalidOperationException(
                $"Orleans:Kubernetes is true but Orleans:Mode is {options.Mode}: Kubernetes hosting is for the silos of a cluster (Orleans:Mode=Cluster).");
        }
        var podIp = Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodIPEnvironmentVariable);
        if (!IPAddress.TryParse(podIp, out var address))
        {
            throw new InvalidOperationException(
                $"Orleans:Kubernetes is true but {KubernetesHostingOptions.PodIPEnvironmentVariable} is '{podIp}': set it to the pod's IP (fieldRef status.podIP), the address other silos and the portals reach this one at.");
        }
        builder.UseOrleans(silo => silo
            // Wins over the address configured for a machine: in a pod, the pod's IP is the one others reach.
            .Configure<EndpointOptions>(endpoints => endpoints.AdvertisedIPAddress = address)
            .UseKubernetesHosting());
    }
}
