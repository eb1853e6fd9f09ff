using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Api;

/// <summary>Trust rules and verifications over the REST API, on a portal served by Kestrel so that the simulator's webhook reaches it.</summary>
public sealed class VerificationApiTests : IAsyncLifetime
{
    private readonly PortalServer _portal = new();
    private HttpClient _api = null!;
    private string _clientId = "";
    private string _orcid = "";

    public async Task InitializeAsync()
    {
        _api = _portal.CreateApiClient();
        (await _api.PostAsJsonAsync("/api/v1/consortia", new { slug = "verify-consortium", name = "Verify Consortium" })).EnsureSuccessStatusCode();
        (await _api.PostAsJsonAsync("/api/v1/consortia/verify-consortium/tenants", new { slug = "verify-org", name = "Verify University" })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await _portal.RegisterSandboxClientAsync("Verify University");
        (await _api.PutAsJsonAsync("/api/v1/tenants/verify-org/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        _clientId = clientId;
        (_orcid, _) = await _portal.CreateResearcherAsync("Lise", "Meitner", "lise@example.org");
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task AVerificationAllowsWithEvidenceIsServedWarmFromTheCacheAndAWebhookEndsTheCache()
    {
        var saved = await _api.PutAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/radiation",
            new { title = "Radiation Safety", trust = new { ownClient = true, trustedClients = Array.Empty<string>(), anyMember = false, selfAsserted = false } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await PutOnRecordAsync("Radiation Safety");

        var cold = await VerifyAsync();
        var warm = await VerifyAsync();

        Assert.Equal("allow", cold.GetProperty("decision").GetString());
        Assert.Equal(("radiation", 1), (cold.GetProperty("rule").GetProperty("id").GetString(), cold.GetProperty("rule").GetProperty("version").GetInt32()));
        var evidence = Assert.Single(cold.GetProperty("evidence").EnumerateArray());
        Assert.Equal(("own-client", _clientId, true), (evidence.GetProperty("sourceKind").GetString(), evidence.GetProperty("sourceClientId").GetString(), evidence.GetProperty("matched").GetBoolean()));
        Assert.Equal("public-data", cold.GetProperty("readWith").GetString());
        Assert.Equal((false, true), (cold.GetProperty("cached").GetBoolean(), warm.GetProperty("cached").GetBoolean()));

        // The record changes at ORCID; its webhook reaches the portal and the next verification reads the record again.
        await PutOnRecordAsync("Laser Safety Level 2");
        JsonElement after = default;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((after = await VerifyAsync()).GetProperty("evidence").GetArrayLength() < 2)
        {
            await Task.Delay(100, timeout.Token);
        }
        Assert.False(after.GetProperty("cached").GetBoolean());

        var audit = await _api.GetFromJsonAsync<JsonElement>("/api/v1/tenants/verify-org/audit?action=verification");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("target").GetString() == $"radiation v1 sandbox {_orcid}: allow");
    }

    [Fact]
    public async Task ALimitedQualificationIsHiddenFromAPublicReadThatSaysSoAndAllowsOnceTheResearcherConsents()
    {
        (await _api.PutAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/radiation",
            new { title = "Radiation Safety", trust = new { ownClient = true } })).EnsureSuccessStatusCode();
        var orcid = (await _portal.SandboxControls.CreateResearcherAsync("Irène", "Joliot-Curie", "irene@example.org", defaultVisibility: "limited")).Orcid;
        await _portal.PutOnSandboxRecordAsync(orcid, _clientId, "Radiation Safety");

        var publicRead = await VerifyAsync(orcid);
        await _portal.ConnectResearcherAsync("verify-org", orcid);
        var consented = await VerifyAsync(orcid);

        Assert.Equal(("deny", "public-data", 0), (publicRead.GetProperty("decision").GetString(), publicRead.GetProperty("readWith").GetString(),
            publicRead.GetProperty("evidence").GetArrayLength()));
        Assert.Contains("items the researcher keeps limited or private are not visible", publicRead.GetProperty("readNote").GetString());
        Assert.Equal(("allow", "researcher-consent"), (consented.GetProperty("decision").GetString(), consented.GetProperty("readWith").GetString()));
        Assert.Equal("Read with the researcher's consent (limited items included).", consented.GetProperty("readNote").GetString());
    }

    [Fact]
    public async Task ADraftRuleIsTestedWithoutBeingSavedAndBadRulesAreNamed()
    {
        await PutOnRecordAsync("Radiation Safety");

        var tested = await _api.PostAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/test",
            new { env = "sandbox", orcid = _orcid, rule = new { title = "Radiation Safety", trust = new { selfAsserted = true } } });
        var trustsNobody = await _api.PutAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/nobody", new { title = "X", trust = new { ownClient = false } });
        var badPattern = await _api.PutAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/bad",
            new { titleMatch = new { mode = "pattern", values = new[] { "Laser (" } }, trust = new { ownClient = true } });

        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        Assert.Equal("deny", (await tested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString());
        Assert.Empty((await _api.GetFromJsonAsync<JsonElement>("/api/v1/tenants/verify-org/trust-rules")).EnumerateArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, trustsNobody.StatusCode);
        Assert.True((await trustsNobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("trust", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPattern.StatusCode);
        Assert.True((await badPattern.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("titleMatch", out _));
    }

    [Fact]
    public async Task ARuleMayTrustByNameOnlyMembersOfItsOwnConsortium()
    {
        (await _api.PostAsJsonAsync("/api/v1/consortia/verify-consortium/tenants", new { slug = "verify-partner", name = "Verify Partner" })).EnsureSuccessStatusCode();
        (await _api.PostAsJsonAsync("/api/v1/consortia", new { slug = "other-consortium", name = "Other Consortium" })).EnsureSuccessStatusCode();
        (await _api.PostAsJsonAsync("/api/v1/consortia/other-consortium/tenants", new { slug = "other-org", name = "Other University" })).EnsureSuccessStatusCode();

        var member = await PutTrustingAsync("tenant:verify-partner");
        var otherConsortiums = await PutTrustingAsync("tenant:other-org");
        var nobodys = await PutTrustingAsync("tenant:no-such-org");
        var tested = await _api.PostAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/test",
            new { env = "sandbox", orcid = _orcid, rule = new { title = "Radiation Safety", trust = new { trustedClients = new[] { "tenant:other-org" } } } });

        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        foreach (var (refused, entry) in new[] { (otherConsortiums, "tenant:other-org"), (nobodys, "tenant:no-such-org"), (tested, "tenant:other-org") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var message = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("trust.trustedClients").EnumerateArray()).GetString();
            Assert.Equal($"'{entry}' is not a member organisation of this consortium: a rule may only name its own consortium's members.", message);
        }
        var saved = await _api.GetFromJsonAsync<JsonElement>("/api/v1/tenants/verify-org/trust-rules/partners");
        Assert.Equal(["tenant:verify-partner"], saved.GetProperty("trust").GetProperty("trustedClients").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ADeprecatedRecordIsVerifiedOnItsPrimaryAndTheDecisionSaysSo()
    {
        (await _api.PutAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/radiation",
            new { title = "Radiation Safety", trust = new { ownClient = true } })).EnsureSuccessStatusCode();
        var (primary, _) = await _portal.CreateResearcherAsync("Lise", "Primary", "lise.primary@example.org");
        await _portal.PutOnSandboxRecordAsync(primary, _clientId, "Radiation Safety");
        await _portal.SandboxControls.SetRecordStateAsync(_orcid, "deprecated", primary);

        var followed = await VerifyAsync();

        Assert.Equal(("allow", primary), (followed.GetProperty("decision").GetString(), followed.GetProperty("orcid").GetString()));
        Assert.Contains($"{_orcid} is deprecated", followed.GetProperty("reason").GetString());
        Assert.Contains($"now uses {primary}", followed.GetProperty("reason").GetString());
    }

    private Task<HttpResponseMessage> PutTrustingAsync(string entry) => _api.PutAsJsonAsync("/api/v1/tenants/verify-org/trust-rules/partners",
        new { title = "Radiation Safety", trust = new { trustedClients = new[] { entry } } });

    private async Task<JsonElement> VerifyAsync(string? orcid = null)
    {
        var response = await _api.PostAsJsonAsync("/api/v1/tenants/verify-org/verifications", new { env = "sandbox", orcid = orcid ?? _orcid, ruleId = "radiation" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task PutOnRecordAsync(string title) => _portal.PutOnSandboxRecordAsync(_orcid, _clientId, title);
}
