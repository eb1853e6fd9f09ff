using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Api;

/// <summary>Bulk verification over the REST API against the portal's own ORCID simulator, whose public API holds callers to
/// ORCID's 12 requests a second with bursts of 40 (503 over it).</summary>
public sealed class BatchVerificationApiTests : IAsyncLifetime
{
    private const string Tenant = "bulk-org";
    private readonly PortalServer _portal = new();
    private HttpClient _api = null!;
    private string _clientId = "";

    public async Task InitializeAsync()
    {
        _api = _portal.CreateApiClient();
        (await _api.PostAsJsonAsync("/api/v1/consortia", new { slug = "bulk-consortium", name = "Bulk Consortium" })).EnsureSuccessStatusCode();
        (await _api.PostAsJsonAsync("/api/v1/consortia/bulk-consortium/tenants", new { slug = Tenant, name = "Bulk University" })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await _portal.RegisterSandboxClientAsync("Bulk University");
        (await _api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        _clientId = clientId;
        (await _api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}/trust-rules/radiation",
            new { title = "Radiation Safety", trust = new { ownClient = true } })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task ABatchOfColdRecordsIsDecidedInOrderWithinOrcidsPublicLimitEachAuditedAndBadIdsAreReportedPerEntry()
    {
        var qualified = new List<string>();
        var unqualified = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var (orcid, _) = await _portal.CreateResearcherAsync("Bulk", $"Researcher {i}", $"bulk{i}@example.org");
            // Every record has an item, so a deny is the rule's and not an empty (perhaps deactivated) record's.
            await _portal.PutOnSandboxRecordAsync(orcid, _clientId, i % 2 == 0 ? "Radiation Safety" : "Laser Safety Level 2");
            (i % 2 == 0 ? qualified : unqualified).Add(orcid);
        }
        string[] malformed = ["not-an-orcid", "0000-0002-1825-0098"];
        const string noRecord = "0000-0001-9999-9990";
        var orcids = qualified.Concat(unqualified).Concat(malformed).Append(noRecord).Append(qualified[0]).ToArray();
        var before = await _portal.SandboxControls.PublicTrafficAsync(_clientId);

        var response = await _api.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/verifications/batch", new { env = "sandbox", ruleId = "radiation", orcids });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(orcids, results.Select(r => r.GetProperty("orcid").GetString()));
        Assert.All(results.Take(30), r => Assert.Equal("allow", r.GetProperty("decision").GetString()));
        Assert.All(results.Skip(30).Take(30), r => Assert.Equal("deny", r.GetProperty("decision").GetString()));
        var evidence = Assert.Single(results[0].GetProperty("evidence").EnumerateArray());
        Assert.Equal(("own-client", true), (evidence.GetProperty("sourceKind").GetString(), evidence.GetProperty("matched").GetBoolean()));
        Assert.Equal(1, results[0].GetProperty("ruleVersion").GetInt32());
        foreach (var failed in results.Skip(60).Take(3))
        {
            Assert.True(JsonValueKind.Null == failed.GetProperty("decision").ValueKind, failed.ToString());
            Assert.False(string.IsNullOrEmpty(failed.GetProperty("error").GetString()));
        }
        Assert.Contains($"no record {noRecord}", results[62].GetProperty("error").GetString());
        Assert.Equal("allow", results[^1].GetProperty("decision").GetString());

        // Each record read once, the reads paced by the portal so ORCID refused none.
        foreach (var orcid in qualified.Concat(unqualified))
        {
            Assert.Equal(1, await _portal.SandboxControls.RecordReadsAsync(orcid));
        }
        var traffic = await _portal.SandboxControls.PublicTrafficAsync(_clientId);
        Assert.Equal(before.RateLimited, traffic.RateLimited);
        var sent = traffic.Accepted - before.Accepted;
        Assert.True(sent >= 60, $"{sent} public API requests for 60 cold records");
        var span = (traffic.LastAcceptedAt!.Value - traffic.FirstAcceptedAt!.Value).TotalSeconds;
        Assert.True(span >= (traffic.Accepted - 40) / 12.0 - 0.5, $"{traffic.Accepted} public requests in {span:0.0} s: faster than 12 a second after a burst of 40");

        var audit = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/audit?action=verification&pageSize=200");
        var targets = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("target").GetString()).ToList();
        Assert.Equal(61, targets.Count);
        Assert.All(qualified, orcid => Assert.Contains($"radiation v1 sandbox {orcid}: allow", targets));
        Assert.All(unqualified, orcid => Assert.Contains($"radiation v1 sandbox {orcid}: deny", targets));
    }

    [Fact]
    public async Task TheColdRecordsOfABatchAreReadSideBySide()
    {
        var orcids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var (orcid, _) = await _portal.CreateResearcherAsync("Slow", $"Researcher {i}", $"slow{i}@example.org");
            await _portal.PutOnSandboxRecordAsync(orcid, _clientId, "Radiation Safety");
            orcids.Add(orcid);
        }
        // Each ORCID call now takes a second: read one after another, 30 records would take a minute.
        await _portal.SandboxControls.StartFaultAsync("latency", latencyMilliseconds: 1000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await BatchAsync(new { env = "sandbox", ruleId = "radiation", orcids });
        }
        finally
        {
            await _portal.SandboxControls.StopFaultsAsync();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray(),
            r => Assert.Equal("allow", r.GetProperty("decision").GetString()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"30 cold records took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task ABatchOfNoIdsOrOverAThousandIsRefusedAndAnUnknownRuleIsNotFound()
    {
        var empty = await BatchAsync(new { env = "sandbox", ruleId = "radiation", orcids = Array.Empty<string>() });
        var missing = await BatchAsync(new { env = "sandbox", ruleId = "radiation" });
        var tooMany = await BatchAsync(new { env = "sandbox", ruleId = "radiation", orcids = Enumerable.Repeat("0000-0002-1825-0097", 1001).ToArray() });
        var badEnv = await BatchAsync(new { env = "staging", ruleId = "radiation", orcids = new[] { "0000-0002-1825-0097" } });
        var noRule = await BatchAsync(new { env = "sandbox", ruleId = "no-such-rule", orcids = new[] { "0000-0002-1825-0097" } });

        foreach (var (refused, field) in new[] { (empty, "orcids"), (missing, "orcids"), (tooMany, "orcids"), (badEnv, "env") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        }
        Assert.Contains("between 1 and 1000 iDs, not 1001", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noRule.StatusCode);
        var audit = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{Tenant}/audit?action=verification");
        Assert.Equal(0, audit.GetProperty("total").GetInt64());
    }

    private Task<HttpResponseMessage> BatchAsync(object body) => _api.PostAsJsonAsync($"/api/v1/tenants/{Tenant}/verifications/batch", body);
}
