using System.Net;
using Consortium.Silo.Hosting;
using Consortium.Silo.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Consortium.Silo.Tests.Hosting;

/// <summary><c>Orleans:Kubernetes=true</c> with the pod's environment as deploy/kubernetes/silo.yaml sets it. The hosts are
/// built, not started: starting needs a Kubernetes API server.</summary>
public sealed class KubernetesHostingTests
{
    [Fact]
    public void KubernetesSiloAdvertisesThePodIpAndIsNamedAfterThePod()
    {
        using var silo = Build(HostingMode.Cluster, kubernetes: true, pod: ("consortium-silo-7d9f-x2k4q", "10.42.0.17"));

        Assert.Equal(IPAddress.Parse("10.42.0.17"), silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress);
        Assert.Equal("consortium-silo-7d9f-x2k4q", silo.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
    }

    [Fact]
    public void SiloOutsideKubernetesKeepsItsConfiguredAddress()
    {
        using var silo = Build(HostingMode.Cluster, kubernetes: false, pod: ("consortium-silo-7d9f-x2k4q", "10.42.0.17"));

        Assert.NotEqual(IPAddress.Parse("10.42.0.17"), silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress);
    }

    [Fact]
    public void KubernetesHostingOnAClientRefusesNamingTheMode()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Build(HostingMode.Client, kubernetes: true, pod: ("consortium-portal-1", "10.42.0.18")));

        Assert.Contains("Orleans:Mode is Client", refused.Message);
    }

    private static IHost Build(HostingMode mode, bool kubernetes, (string Name, string Ip) pod)
    {
        // What the Downward API puts in the pod's environment; no other test reads these variables.
        Environment.SetEnvironmentVariable("POD_NAME", pod.Name);
        Environment.SetEnvironmentVariable("POD_IP", pod.Ip);
        Environment.SetEnvironmentVariable("POD_NAMESPACE", "consortium");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(ConsortiumHosts.ClusterSettings(mode, "Host=localhost;Database=unused", "kubernetes-tests"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:KeyEncryptionKey"] = ConsortiumHosts.KeyEncryptionKey,
            ["Orleans:Kubernetes"] = kubernetes.ToString(),
        });
        var hosting = builder.AddConsortiumOrleans();
        builder.UseKubernetesHostingWhenConfigured(hosting);
        return builder.Build();
    }
}
