using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Hosting;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Hosting;

/// <summary>
/// The embedded ORCID simulators stand in for ORCID, which does not forget: a client, a researcher with the password they
/// chose, their token and the items on their record are all still there when the portal is started again on the same data.
/// </summary>
public sealed class EmbeddedOrcidStateTests
{
    private static readonly Uri Callback = new("http://localhost/hand-made/callback");

    [Fact]
    public async Task ClientsResearchersTokensAndRecordsSurviveARestart()
    {
        var dataDirectory = PortalFactory.NewDataDirectory();
        NewClientResponse client;
        NewResearcherResponse sam;
        string accessToken;
        long firstPutCode;
        await using (var firstRun = new PortalFactory { DataDirectory = dataDirectory })
        {
            using var controls = Sandbox(firstRun);
            client = await controls.RegisterClientAsync("Hand-made client", Callback.AbsoluteUri);
            sam = await controls.CreateResearcherAsync("Sam", "Save", "sam@example.org", password: "sams-own");
            Assert.Equal("sams-own", sam.Password);
            await Assert.ThrowsAsync<HttpRequestException>(() => controls.CreateResearcherAsync("Tim", "Tiny", "tim@example.org", password: "abc"));
            await controls.DecideNextConsentAsync(sam.Orcid, authorize: true);
            var code = await controls.AuthorizeAsync(client.ClientId, Callback, "s1", "/activities/update");
            accessToken = await ExchangeAsync(firstRun, client, code!);
            firstPutCode = await controls.PutQualificationAsync(sam.Orcid, client.ClientId, "Kept Through A Restart");
        }

        await using var secondRun = new PortalFactory { DataDirectory = dataDirectory };
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = SandboxAddress(secondRun) };

        // The token still reads the record, with the item on it.
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3.0/{sam.Orcid}/qualifications");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        read.Headers.Accept.ParseAdd("application/vnd.orcid+json");
        using var readResponse = await http.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);
        Assert.Contains("Kept Through A Restart", await readResponse.Content.ReadAsStringAsync());

        // The client's secret still works, and Sam signs in with his own password on the authorize page.
        using var credentials = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret, ["scope"] = "/read-public",
        }));
        Assert.Equal(HttpStatusCode.OK, credentials.StatusCode);
        using var signIn = await http.PostAsync("/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = client.ClientId, ["response_type"] = "code", ["scope"] = "/activities/update", ["redirect_uri"] = Callback.AbsoluteUri,
            ["state"] = "s2", ["signin_email"] = "sam@example.org", ["signin_password"] = "sams-own", ["decision"] = "authorize",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotNull(HttpUtility.ParseQueryString(signIn.Headers.Location!.Query)["code"]);

        // Put-codes go on from where they were: a new item never takes an old one's.
        using var controlsAgain = Sandbox(secondRun);
        Assert.True(await controlsAgain.PutQualificationAsync(sam.Orcid, client.ClientId, "Second") > firstPutCode);
        Assert.Equal(2, (await controlsAgain.QualificationsAsync(sam.Orcid)).Count);
    }

    [Fact]
    public async Task WithoutKeepStateEachStartIsAFreshOrcid()
    {
        var dataDirectory = PortalFactory.NewDataDirectory();
        var settings = new Dictionary<string, string> { ["Orcid:Simulators:KeepState"] = "false" };
        NewResearcherResponse sam;
        await using (var firstRun = new PortalFactory { DataDirectory = dataDirectory, Settings = settings })
        {
            using var controls = Sandbox(firstRun);
            sam = await controls.CreateResearcherAsync("Sam", "Save", "sam@example.org");
        }

        await using var secondRun = new PortalFactory { DataDirectory = dataDirectory, Settings = settings };
        using var http = new HttpClient { BaseAddress = SandboxAddress(secondRun) };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/_sim/records/{sam.Orcid}")).StatusCode);
        Assert.Empty(Directory.GetFiles(dataDirectory, "orcid-simulator-*"));
    }

    private static SimulatorControls Sandbox(PortalFactory portal) => new(SandboxAddress(portal));

    private static Uri SandboxAddress(PortalFactory portal)
    {
        portal.CreateClient();
        return portal.Services.GetRequiredService<EmbeddedOrcid>().Addresses.First();
    }

    private static async Task<string> ExchangeAsync(PortalFactory portal, NewClientResponse client, string code)
    {
        using var http = new HttpClient { BaseAddress = SandboxAddress(portal) };
        using var response = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret,
            ["code"] = code, ["redirect_uri"] = Callback.AbsoluteUri,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
