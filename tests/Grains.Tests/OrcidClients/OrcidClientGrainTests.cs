using Consortium.Orcid;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Grains.Tests.OrcidClients;

[Collection(SqliteClusterCollection.Name)]
public sealed class OrcidClientGrainTests(SqliteClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Cluster.Client;

    [Fact]
    public async Task CredentialsOrcidAcceptsAreStoredWithTheSecretEncryptedAndShownOnlyAsAHint()
    {
        var (clientId, secret) = await RegisterClientAsync(fixture.Cluster.OrcidSandbox);
        var client = _grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(UniqueSlug.New(), OrcidEnvironment.Sandbox));

        var stored = await client.StoreAsync(clientId, secret);

        Assert.Equal((OrcidEnvironment.Sandbox, "sandbox", clientId, "…" + secret[^4..]), (stored.Environment, stored.EnvironmentName, stored.ClientId, stored.SecretHint));
        Assert.Equal(stored, await client.GetAsync());
        Assert.False(await fixture.Cluster.StateContainsAsync(secret), "The client secret is in the database in plain text.");
        Assert.True(await fixture.Cluster.StateContainsAsync(clientId), "The scan should find what is stored in the clear.");
    }

    [Fact]
    public async Task CredentialsOrcidRefusesAreNotStoredAndEnvironmentsAreApart()
    {
        var (clientId, secret) = await RegisterClientAsync(fixture.Cluster.OrcidSandbox);
        var tenant = UniqueSlug.New();
        var sandbox = _grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant, OrcidEnvironment.Sandbox));
        var production = _grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant, OrcidEnvironment.Production));

        var wrongSecret = await Assert.ThrowsAsync<InvalidFieldException>(() => sandbox.StoreAsync(clientId, secret + "x"));
        var sandboxClientInProduction = await Assert.ThrowsAsync<InvalidFieldException>(() => production.StoreAsync(clientId, secret));

        Assert.Equal("clientSecret", wrongSecret.Field);
        Assert.Contains("ORCID sandbox did not accept", wrongSecret.Message);
        Assert.Contains("ORCID production did not accept", sandboxClientInProduction.Message);
        Assert.Null(await sandbox.GetAsync());
        Assert.Null(await production.GetAsync());
    }

    [Theory]
    [InlineData("not-a-client", "long-enough-secret", "clientId")]
    [InlineData("APP-ABCDEFGHIJ123456", "short", "clientSecret")]
    public async Task MalformedCredentialsAreNamedAndNothingIsStored(string clientId, string secret, string field)
    {
        var client = _grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(UniqueSlug.New(), OrcidEnvironment.Production));

        var invalid = await Assert.ThrowsAsync<InvalidFieldException>(() => client.StoreAsync(clientId, secret));

        Assert.Equal(field, invalid.Field);
        Assert.Null(await client.GetAsync());
    }

    private static async Task<(string ClientId, string Secret)> RegisterClientAsync(Uri orcid)
    {
        using var controls = new SimulatorControls(orcid);
        var (clientId, secret) = await controls.RegisterClientAsync("Test University", "http://localhost/callback");
        return (clientId, secret);
    }
}
