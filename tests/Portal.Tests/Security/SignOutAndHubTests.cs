using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>Issue #11, item 16: another site can neither sign staff out nor open a Blazor circuit with their cookies.</summary>
public sealed class SignOutAndHubTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private readonly PortalServer _portal = portal.Server;

    [Fact]
    public async Task SignOutWithoutTheFormsAntiforgeryTokenOrThroughRemoteSignOutLeavesThePersonSignedIn()
    {
        using var browser = new StaffBrowserSession(_portal);
        await browser.SignInAsync("%2F");

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        var forged = await browser.Http.SendAsync(crossSite);
        var remote = await browser.Http.GetAsync("/signout-oidc");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.Redirect, remote.StatusCode);
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SignOutFromThePortalsOwnFormSignsOut()
    {
        using var browser = new StaffBrowserSession(_portal);
        await browser.SignInAsync("%2F");

        var signedOut = await browser.Http.PostAsync("/signout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await browser.SignOutTokenAsync())]));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task TheBlazorHubRefusesAForeignOriginAndAnswersItsOwn()
    {
        using var browser = new StaffBrowserSession(_portal);

        var foreign = await NegotiateAsync(browser.Http, "https://evil.example");
        var own = await NegotiateAsync(browser.Http, _portal.BaseAddress.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var token = JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => OpenHubSocketAsync(token!, "https://evil.example"));
        Assert.Contains("403", refused.Message);
        using var accepted = await OpenHubSocketAsync(token!, _portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(WebSocketState.Open, accepted.State);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient http, string origin)
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", origin);
        return await http.SendAsync(negotiate);
    }

    private async Task<ClientWebSocket> OpenHubSocketAsync(string connectionToken, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        await socket.ConnectAsync(new Uri($"ws://{_portal.BaseAddress.Authority}/_blazor?id={connectionToken}"), CancellationToken.None);
        return socket;
    }
}
