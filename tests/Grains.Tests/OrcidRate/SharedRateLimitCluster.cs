using Consortium.Orcid.Configuration;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidRate;
using Consortium.Orcid;
using Consortium.Orcid.Http;
using Consortium.Orcid.MemberApi;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Consortium.Grains.Tests.OrcidRate;

/// <summary>Real silos, each with src/Orcid's client drawing on the cluster's rate limit as silo hosts do, a simulator over
/// HTTP, and one ORCID client with a researcher who gave it a token. No grain storage: the rate limit keeps none.</summary>
public sealed class SharedRateLimitCluster : IAsyncDisposable
{
    private static readonly Uri RedirectUri = new("http://portal.test/t/callback");

    private readonly WebApplication _simulator;

    private SharedRateLimitCluster(WebApplication simulator, InProcessTestCluster cluster, SimulatorControls controls, OrcidAccess access, OrcidId researcher) =>
        (_simulator, Cluster, Controls, Access, Researcher) = (simulator, cluster, controls, access, researcher);

    public InProcessTestCluster Cluster { get; }

    public SimulatorControls Controls { get; }

    /// <summary>The researcher's token for the one ORCID client every silo sends for.</summary>
    public OrcidAccess Access { get; }

    public OrcidId Researcher { get; }

    public static async Task<SharedRateLimitCluster> StartAsync(short silos)
    {
        var simulator = OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", SeedDemoResearchers = false });
        await simulator.StartAsync();
        var orcid = simulator.Address();
        var builder = new InProcessTestClusterBuilder();
        builder.Options.InitialSilosCount = silos;
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(OrcidEndpoints.Simulator(orcid).ToSettings(OrcidEnvironment.Sandbox)));
        builder.ConfigureSilo((_, silo) => silo.Services.AddOrcidClient().AddClusterOrcidRateLimit());
        var cluster = builder.Build();
        await cluster.DeployAsync();

        var controls = new SimulatorControls(orcid);
        var (clientId, clientSecret) = await controls.RegisterClientAsync("Shared University", RedirectUri.AbsoluteUri);
        var researcher = (await controls.CreateResearcherAsync("Ada", "Lovelace", "ada@example.org")).Orcid;
        await controls.DecideNextConsentAsync(researcher, authorize: true);
        var code = await controls.AuthorizeAsync(clientId, RedirectUri, "state-1", $"{OrcidScopes.ActivitiesUpdate} {OrcidScopes.ReadLimited}");
        var token = await OrcidOf(cluster.Silos[0]).OAuth(OrcidEnvironment.Sandbox)
            .ExchangeCodeAsync(new OrcidClientCredentials(clientId, clientSecret), code!, RedirectUri);
        return new SharedRateLimitCluster(simulator, cluster, controls, new OrcidAccess(clientId, token.AccessToken), OrcidId.Parse(researcher));
    }

    public static Consortium.Orcid.OrcidClients OrcidOf(InProcessSiloHandle silo) => silo.SiloHost.Services.GetRequiredService<Consortium.Orcid.OrcidClients>();

    /// <summary>The silo the client's member API bucket is active on now.</summary>
    public async Task<InProcessSiloHandle> BucketSiloAsync()
    {
        var address = await Cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(Cluster.Client.GetGrain<IOrcidRateGrain>(Access.ClientId));
        return Cluster.Silos.Single(silo => silo.SiloAddress.Equals(address));
    }

    /// <summary><paramref name="count"/> qualifications written at once through <paramref name="silo"/>'s ORCID client, as issuing writes them.</summary>
    public Task<QualificationCreated[]> WriteAsync(InProcessSiloHandle silo, string prefix, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            OrcidOf(silo).Member(OrcidEnvironment.Sandbox).CreateQualificationAsync(Access, Researcher, Qualification($"{prefix}-{i}"))));

    private static Qualification Qualification(string externalId) => new()
    {
        RoleTitle = "Laser Safety Level 2",
        StartDate = new PartialDate(2024, 3, 1),
        Organization = new Organization
        {
            Name = "Example University",
            Address = new OrganizationAddress("Auckland", null, "NZ"),
            DisambiguatedOrganization = new DisambiguatedOrganization("https://ror.org/03b94tp07", "ROR"),
        },
        ExternalIds = [new ExternalId { ExternalIdType = "other-id", ExternalIdValue = externalId, ExternalIdRelationship = ExternalId.SelfRelationship }],
    };

    public async ValueTask DisposeAsync()
    {
        Controls.Dispose();
        await Cluster.DisposeAsync();
        await _simulator.DisposeAsync();
    }
}
