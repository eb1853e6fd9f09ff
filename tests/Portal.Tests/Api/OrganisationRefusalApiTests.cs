using System.Net.Http.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Api;

/// <summary>ORCID refuses an organisation id it does not know (400/9045): the issuance names the id and how to fix it, and
/// a retry once ORCID knows it is written. Its own portal, since it teaches the simulator a new organisation.</summary>
public sealed class OrganisationRefusalApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Right check digits, so the portal takes it; no organisation has it, so ORCID does not know it until told.
    private const string NewRor = "https://ror.org/000000098";

    private readonly HttpClient _operator = portal.CreateApiClient(portal.OperatorApiKey);
    private IssuingTenant _issuing = null!;

    public async Task InitializeAsync() => _issuing = await IssuingTenant.CreateAsync(portal, _operator);

    public Task DisposeAsync()
    {
        _issuing.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnIdOrcidDoesNotKnowIsNamedAndARetryOnceOrcidKnowsItIsWritten()
    {
        (await _operator.PutAsJsonAsync($"/api/v1/tenants/{_issuing.Slug}/organisation",
            new { name = "Newly Registered University", rorId = "000000098" })).EnsureSuccessStatusCode();
        var orcid = await _issuing.ConnectResearcherAsync();

        (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_issuing.Slug}/issuances",
            new { env = "sandbox", templateId = IssuingTenant.TemplateId, orcid, externalId = "cert-new-org" })).EnsureSuccessStatusCode();
        var failed = await _issuing.WaitForIssuanceAsync("sandbox.cert-new-org", "failed");

        Assert.Equal($"ORCID does not know the organisation id {NewRor} (ROR). Check it in Settings → Organisation (copy it from the organisation's page on ror.org), then retry.",
            failed.GetProperty("error").GetString());
        Assert.Empty(await _issuing.Controls.QualificationsAsync(orcid));

        await _issuing.Controls.AddOrganisationAsync("ROR", NewRor, "Newly Registered University");
        (await _operator.PostAsync($"/api/v1/tenants/{_issuing.Slug}/issuances/sandbox.cert-new-org/retry", null)).EnsureSuccessStatusCode();
        await _issuing.WaitForIssuanceAsync("sandbox.cert-new-org", "in-orcid");

        var item = Assert.Single(await _issuing.Controls.QualificationsAsync(orcid));
        Assert.Equal(NewRor, item.GetProperty("organization").GetProperty("disambiguated-organization").GetProperty("disambiguated-organization-identifier").GetString());
    }
}
