using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tenants;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>ORCID refuses a qualification naming an organisation id it does not know (400/9045); the issuance says which
/// id and where to fix it, and a retry after the fix is written.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class UnknownOrganisationTests(SqliteClusterFixture fixture) : IAsyncLifetime
{
    // Well formed with the right check digits, so the portal takes it, but no organisation has it: the simulator, like ORCID, does not know it.
    private const string UnknownRor = "https://ror.org/000000098";

    private IssuingScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await IssuingScenario.CreateAsync(fixture.Cluster);

    public Task DisposeAsync()
    {
        _scenario.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnIdOrcidDoesNotKnowFailsNamingItAndARetryAfterTheFixIsWritten()
    {
        var tenant = fixture.Cluster.Client.GetGrain<ITenantGrain>(TenantKey.For(_scenario.Tenant));
        await tenant.SetOrganisationAsync(new OrganisationDetails("Test University", UnknownRor, null, null));
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);

        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-org", Orcid: orcid));
        var failed = await _scenario.WaitForAsync("sandbox.cert-org", v => v.Status == IssuanceStatus.Failed);

        Assert.Equal($"ORCID does not know the organisation id {UnknownRor} (ROR). Check it in Settings → Organisation (copy it from the organisation's page on ror.org), then retry.", failed.Error);
        Assert.Empty(await _scenario.RecordAsync(orcid));

        await tenant.SetOrganisationAsync(new OrganisationDetails("Test University", "02mhbdp94", null, null));
        await _scenario.Ledger.RetryAsync("sandbox.cert-org");
        var written = await _scenario.WaitForAsync("sandbox.cert-org", v => v.Status == IssuanceStatus.InOrcid);

        var item = Assert.Single(await _scenario.RecordAsync(orcid));
        Assert.Equal(written.PutCode, item.GetProperty("put-code").GetInt64());
        var organization = item.GetProperty("organization");
        Assert.Equal("https://ror.org/02mhbdp94", organization.GetProperty("disambiguated-organization").GetProperty("disambiguated-organization-identifier").GetString());
        // No city and no country: optional for a qualification.
        Assert.Equal("{}", organization.GetProperty("address").GetRawText());
    }
}
