using System.Net;
using System.Net.Http.Json;
using System.Web;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Hosting;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Consortium.Portal.Tests.Security;

/// <summary>
/// Every absolute link the portal hands out comes from <c>Consortium:PublicBaseUrl</c>: a request with a forged Host header
/// changes none of them (emailed invitations, consent emails, the ORCID redirect URI, the launch review pack, the certificate
/// URL written into the ORCID record, the webhook callback registered with ORCID). Outside Development a request for another
/// host is refused before it gets that far.
/// </summary>
public sealed class ForgedHostTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private const string PublicUrl = "https://portal.example.org/";
    private const string ForgedHost = "evil.example";

    [Fact]
    public async Task LinksInEmailsRedirectsAndDocumentsNameTheConfiguredAddressWhateverTheHostHeader()
    {
        await using var portal = new PortalFactory
        {
            Settings = new()
            {
                [PortalAddress.SettingName] = PublicUrl,
                // As behind a proxy that passes any Host on: the host check is off, and the links must still hold.
                [AllowedHostsSetup.SettingName] = "*",
                ["Email:Delivery"] = "Smtp",
                ["Email:SmtpHost"] = "127.0.0.1",
                ["Email:SmtpPort"] = smtp.Port.ToString(),
                ["Email:SmtpStartTls"] = "false",
            },
        };
        using var api = portal.CreateApiClient(portal.OperatorApiKey);
        api.DefaultRequestHeaders.Host = ForgedHost;
        var tenant = await CreateTenantWithSandboxClientAsync(portal, api);
        var admin = $"admin-{Guid.NewGuid():N}@example.org";
        var researcher = $"researcher-{Guid.NewGuid():N}@example.org";

        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/invitations", new { email = admin })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", email = researcher, externalId = "host-1" })).EnsureSuccessStatusCode();
        var pack = await api.GetStringAsync($"/api/v1/tenants/{tenant}/launch-review/pack");
        using var browser = portal.CreateClient(new() { AllowAutoRedirect = false });
        using var connect = new HttpRequestMessage(HttpMethod.Get, $"/t/{tenant}/connect?env=sandbox") { Headers = { Host = ForgedHost } };
        var toOrcid = await browser.SendAsync(connect);

        var invitation = Assert.Single(await smtp.WaitForMessagesToAsync(admin)).TextBody ?? "";
        var consent = Assert.Single(await smtp.WaitForMessagesToAsync(researcher)).TextBody ?? "";
        Assert.Contains($"{PublicUrl}invitations/", invitation);
        Assert.Contains($"{PublicUrl}t/{tenant}?env=sandbox&invite=", consent);
        Assert.Contains($"{PublicUrl}t/{tenant}?env=sandbox", pack);
        Assert.Equal(HttpStatusCode.Redirect, toOrcid.StatusCode);
        var redirectUri = HttpUtility.ParseQueryString(toOrcid.Headers.Location!.Query)["redirect_uri"];
        Assert.Equal($"{PublicUrl}t/{tenant}/orcid/callback", redirectUri);
        foreach (var text in new[] { invitation, consent, pack, toOrcid.Headers.Location!.AbsoluteUri })
        {
            Assert.DoesNotContain(ForgedHost, text);
        }
    }

    [Fact]
    public async Task TheCertificateUrlInTheOrcidRecordAndTheWebhookCallbackNameTheConfiguredAddressWhateverTheHostHeader()
    {
        await using var portal = new PortalFactory { Settings = { [PortalAddress.SettingName] = PublicUrl, [AllowedHostsSetup.SettingName] = "*" } };
        using var api = portal.CreateApiClient(portal.OperatorApiKey);
        api.DefaultRequestHeaders.Host = ForgedHost;
        var tenant = await CreateTenantWithSandboxClientAsync(portal, api);
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/organisation",
            new { name = "Host University", rorId = "https://ror.org/02mhbdp94" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/trust-rules/laser",
            new { title = "Laser Safety Level 2", trust = new { ownClient = true } })).EnsureSuccessStatusCode();
        using var controls = new SimulatorControls(portal.OrcidSandbox);
        var orcid = await ConnectWithForgedHostAsync(portal, controls, tenant);

        var issued = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances",
            new { env = "sandbox", templateId = "laser-2", orcid, externalId = "host-record-1" });
        issued.EnsureSuccessStatusCode();
        var id = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        await IssuingTenant.WaitUntilAsync(async () =>
            (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/tenants/{tenant}/issuances/{id}")).GetProperty("status").GetString() == "in-orcid");
        var verified = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/verifications", new { env = "sandbox", orcid, ruleId = "laser" });
        verified.EnsureSuccessStatusCode();

        var onRecord = Assert.Single(await controls.QualificationsAsync(orcid));
        Assert.StartsWith($"{PublicUrl}t/{tenant}/certificates/", onRecord.GetProperty("url").GetProperty("value").GetString());
        var hook = Assert.Single(await controls.WebhooksAsync(orcid));
        Assert.StartsWith($"{PublicUrl}webhooks/orcid/", hook.Callback);
    }

    [Fact]
    public async Task OutsideDevelopmentARequestForAnotherHostIsRefused()
    {
        await using var portal = new PortalFactory { Settings = { [PortalAddress.SettingName] = PublicUrl } };
        using var client = portal.CreateClient();

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = ForgedHost } };
        using var own = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = new Uri(PublicUrl).Host } };

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, (await client.SendAsync(own)).StatusCode);
    }

    [Theory]
    [InlineData("Production", "https://portal.example.org/path?x=1", "is not a public address")]
    [InlineData("Production", "ftp://portal.example.org", "is not a public address")]
    public void AStartWithoutAUsablePublicAddressRefusesAndSaysWhatToSet(string environment, string publicUrl, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PortalAddress.SettingName] = publicUrl }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => PortalAddress.FromConfiguration(configuration, new HostingEnvironment { EnvironmentName = environment }));

        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public void DevelopmentWithoutAPublicAddressUsesWhereThePortalListens()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = "http://*:5090;http://localhost:5091" }).Build();

        var portal = PortalAddress.FromConfiguration(configuration, new HostingEnvironment { EnvironmentName = "Development" });

        Assert.Equal("http://localhost:5090/", portal?.Base.AbsoluteUri);
    }

    /// <summary>A researcher connects through the researcher page and ORCID's consent callback, every request with a forged Host.</summary>
    private static async Task<string> ConnectWithForgedHostAsync(PortalFactory portal, SimulatorControls controls, string tenant)
    {
        var orcid = (await controls.CreateResearcherAsync("Lise", "Meitner", $"{Guid.NewGuid():N}@example.org")).Orcid;
        await controls.DecideNextConsentAsync(orcid, authorize: true);
        using var browser = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var orcidSite = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.OrcidSandbox };
        using var connect = new HttpRequestMessage(HttpMethod.Get, $"/t/{tenant}/connect?env=sandbox") { Headers = { Host = ForgedHost } };
        var toOrcid = await browser.SendAsync(connect);
        var back = await orcidSite.GetAsync(toOrcid.Headers.Location);
        Assert.StartsWith($"{PublicUrl}t/{tenant}/orcid/callback", back.Headers.Location!.AbsoluteUri);
        using var callback = new HttpRequestMessage(HttpMethod.Get, back.Headers.Location.PathAndQuery) { Headers = { Host = ForgedHost } };
        var landed = await browser.SendAsync(callback);
        Assert.Equal($"/t/{tenant}?env=sandbox&outcome=connected", landed.Headers.Location?.OriginalString);
        return Consortium.Orcid.OrcidId.Parse(orcid).Value;
    }

    private static async Task<string> CreateTenantWithSandboxClientAsync(PortalFactory portal, HttpClient api)
    {
        _ = portal.Server;
        var consortium = "host-" + Guid.NewGuid().ToString("N")[..8];
        var tenant = "host-org-" + Guid.NewGuid().ToString("N")[..8];
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Host Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug = tenant, name = "Host University" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/laser-2", new { title = "Laser Safety Level 2", validityMonths = 24 })).EnsureSuccessStatusCode();
        using var controls = new SimulatorControls(portal.OrcidSandbox);
        var (clientId, clientSecret) = await controls.RegisterClientAsync("Host University", $"{PublicUrl}t/");
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        return tenant;
    }
}
