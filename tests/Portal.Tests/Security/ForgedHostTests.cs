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
/// Every absolute link the portal hands out comes from <c>Consortium:PublicUrl</c>: a request with a forged Host header
/// changes none of them (emailed invitations, consent emails, the ORCID redirect URI, the launch review pack).
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

        var invitation = Assert.Single(await smtp.MessagesToAsync(admin)).TextBody ?? "";
        var consent = Assert.Single(await smtp.MessagesToAsync(researcher)).TextBody ?? "";
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

    [Theory]
    [InlineData("Production", "", "Set Consortium:PublicUrl")]
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

        Assert.Equal("http://localhost:5090/", portal.Base.AbsoluteUri);
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
