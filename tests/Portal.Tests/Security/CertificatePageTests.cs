using System.Net;
using System.Net.Http.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Security;

/// <summary>Certificate pages are found only by their random id, and show the holder as ORCID named them at consent.</summary>
public sealed class CertificatePageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly HttpClient _operator = portal.CreateApiClient(portal.OperatorApiKey);
    private readonly HttpClient _anonymous = portal.CreateClient();
    private IssuingTenant _issuing = null!;

    public async Task InitializeAsync() => _issuing = await IssuingTenant.CreateAsync(portal, _operator);

    public Task DisposeAsync()
    {
        _issuing.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ACertificateIsServedAtItsRandomIdOnlyAndNamesTheHolderAsOrcidDid()
    {
        var orcid = await _issuing.ConnectResearcherAsync("Ada", "Lovelace");
        foreach (var externalId in new[] { "cert-0001", "cert-0002" })
        {
            (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_issuing.Slug}/issuances", new
            {
                env = "sandbox", templateId = IssuingTenant.TemplateId, orcid, externalId, givenNames = "Typed", familyNames = "ByAdmin",
            })).EnsureSuccessStatusCode();
        }
        var first = await _issuing.WaitForIssuanceAsync("sandbox.cert-0001", "in-orcid");
        var second = await _issuing.WaitForIssuanceAsync("sandbox.cert-0002", "in-orcid");
        var certificateId = first.GetProperty("certificateId").GetString()!;

        var page = await _anonymous.GetAsync($"/t/{_issuing.Slug}/certificates/{certificateId}");
        var guessed = await _anonymous.GetAsync($"/t/{_issuing.Slug}/certificates/sandbox.cert-0001");

        Assert.Matches("^[A-Za-z0-9_-]{22}$", certificateId);
        Assert.NotEqual(certificateId, second.GetProperty("certificateId").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Ada Lovelace", html);
        Assert.DoesNotContain("ByAdmin", html);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        var onRecord = (await _issuing.Controls.QualificationsAsync(orcid)).Single(q => q.GetProperty("put-code").GetInt64() == first.GetProperty("putCode").GetInt64());
        Assert.EndsWith($"/t/{_issuing.Slug}/certificates/{certificateId}", onRecord.GetProperty("url").GetProperty("value").GetString());
    }
}
