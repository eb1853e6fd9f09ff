using Consortium.Orcid;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Grains.Trust;
using Consortium.Grains.Verification;
using Consortium.Grains.Webhooks;

namespace Consortium.Grains.Tests.Verification;

/// <summary>A record's webhook at ORCID (the simulator), registered by verifications: one hook per record whatever the activation.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class WebhookCallbackTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task ANewActivationOfTheRecordRegistersTheSameCallbackSoOrcidKeepsOneHook()
    {
        var tenant = await IssuingScenario.CreateAsync(fixture.Cluster);
        var orcid = await tenant.NewResearcherAsync();
        await Grains.GetGrain<ITenantTrustRulesGrain>(TenantKey.For(tenant.Tenant))
            .SaveAsync("laser", new TrustRuleInput(null, "Laser Safety Level 2", null, new TrustInput(true, [], false, false), null, null, null, null, null));
        var verifier = Grains.GetGrain<IVerifierGrain>(tenant.Tenant);
        var request = new VerificationRequest(OrcidEnvironment.Sandbox, orcid, "laser", PortalUrl: IssuingScenario.PortalUrl);

        await verifier.VerifyAsync(request);
        var first = Assert.Single(await tenant.Controls.WebhooksAsync(orcid));
        // Every idle activation goes, the record's among them: its next verification reads ORCID again and registers again.
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Poll.UntilAsync(async () => !(await verifier.VerifyAsync(request)).Cached);
        var after = Assert.Single(await tenant.Controls.WebhooksAsync(orcid));

        Assert.StartsWith($"{IssuingScenario.PortalUrl}/webhooks/orcid/", first.Callback);
        Assert.Equal(first.Callback, after.Callback);
        var status = await Grains.GetGrain<IWebhookStatusGrain>(OrcidClientKey.For(tenant.Tenant, OrcidEnvironment.Sandbox)).GetAsync();
        Assert.Equal(WebhookHealth.Registered, status.Health);
    }
}
