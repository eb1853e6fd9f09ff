using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Api;

/// <summary>ORCID's webhooks as the portal uses them: registered by a verification on the member API host with no version,
/// called back in a batch when the record changes, and a failing registration shown to the member admin.</summary>
public sealed class WebhookRegistrationTests : IAsyncLifetime
{
    private readonly PortalServer _portal = new();
    private HttpClient _api = null!;
    private string _clientId = "";

    public async Task InitializeAsync()
    {
        _api = _portal.CreateApiClient();
        (await _api.PostAsJsonAsync("/api/v1/consortia", new { slug = "hooks-consortium", name = "Hooks Consortium" })).EnsureSuccessStatusCode();
        (await _api.PostAsJsonAsync("/api/v1/consortia/hooks-consortium/tenants", new { slug = "hooks-org", name = "Hooks University" })).EnsureSuccessStatusCode();
        var (clientId, clientSecret) = await _portal.RegisterSandboxClientAsync("Hooks University");
        (await _api.PutAsJsonAsync("/api/v1/tenants/hooks-org/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        _clientId = clientId;
        (await _api.PutAsJsonAsync("/api/v1/tenants/hooks-org/trust-rules/radiation",
            new { title = "Radiation Safety", trust = new { ownClient = true } })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task AVerificationRegistersTheRecordsWebhookAndABatchedCallbackEndsTheCachedCopy()
    {
        Assert.Equal("not-registered", (await WebhookStatusAsync()).GetProperty("health").GetString());
        var orcid = await ResearcherWithAsync("Radiation Safety");

        var cold = await VerifyAsync(orcid);
        var warm = await VerifyAsync(orcid);

        Assert.Equal(("allow", false, true), (cold.GetProperty("decision").GetString(), cold.GetProperty("cached").GetBoolean(), warm.GetProperty("cached").GetBoolean()));
        // The simulator serves webhooks only at /{orcid}/webhook/... (under /v3.0 it answers 404), so a hook exists only if the path was right.
        var hook = Assert.Single(await _portal.SandboxControls.WebhooksAsync(orcid));
        Assert.Equal(_clientId, hook.ClientId);
        Assert.StartsWith(new Uri(_portal.BaseAddress, "/webhooks/orcid/").AbsoluteUri, hook.Callback);
        var status = await WebhookStatusAsync();
        Assert.Equal("registered", status.GetProperty("health").GetString());
        Assert.StartsWith("Record updates from ORCID: registered", status.GetProperty("summary").GetString());

        // The record changes at ORCID; the next batch calls the portal, which drops its copy.
        await _portal.PutOnSandboxRecordAsync(orcid, _clientId, "Laser Safety Level 2");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await _portal.SandboxControls.WebhooksAsync(orcid)).Single().LastSent is null)
        {
            await Task.Delay(100, timeout.Token);
        }
        var fresh = await VerifyAsync(orcid);

        Assert.False(fresh.GetProperty("cached").GetBoolean());
        Assert.Equal(2, fresh.GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public async Task AFailingRegistrationIsShownToTheAdminAndClearsOnceOrcidTakesItAgain()
    {
        var refused = await ResearcherWithAsync("Radiation Safety");
        var later = await ResearcherWithAsync("Radiation Safety");

        // A locked record refuses writes (409/9018), and a webhook registration is a PUT; the read still works.
        using var faults = new HttpClient { BaseAddress = _portal.Sandbox };
        (await faults.PostAsJsonAsync("/_sim/faults", new FaultRequest("locked", Rate: 1, DurationSeconds: 60))).EnsureSuccessStatusCode();
        var verified = await VerifyAsync(refused);
        var failing = await WebhookStatusAsync();
        (await faults.DeleteAsync("/_sim/faults")).EnsureSuccessStatusCode();
        await VerifyAsync(later);
        var recovered = await WebhookStatusAsync();

        Assert.Equal("allow", verified.GetProperty("decision").GetString());
        Assert.Equal("failing", failing.GetProperty("health").GetString());
        Assert.Contains("409", failing.GetProperty("failure").GetString());
        Assert.Contains("9018", failing.GetProperty("failure").GetString());
        Assert.StartsWith("Record updates from ORCID: failing since", failing.GetProperty("summary").GetString());
        Assert.Empty(await _portal.SandboxControls.WebhooksAsync(refused));
        Assert.Equal("registered", recovered.GetProperty("health").GetString());
        Assert.Equal(JsonValueKind.Null, recovered.GetProperty("failingSince").ValueKind);
    }

    private async Task<string> ResearcherWithAsync(string title)
    {
        var (orcid, _) = await _portal.CreateResearcherAsync("Chien-Shiung", "Wu", $"{Guid.NewGuid():N}@example.org");
        await _portal.PutOnSandboxRecordAsync(orcid, _clientId, title);
        return orcid;
    }

    private async Task<JsonElement> VerifyAsync(string orcid)
    {
        var response = await _api.PostAsJsonAsync("/api/v1/tenants/hooks-org/verifications", new { env = "sandbox", orcid, ruleId = "radiation" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> WebhookStatusAsync() => _api.GetFromJsonAsync<JsonElement>("/api/v1/tenants/hooks-org/clients/sandbox/webhooks");
}
