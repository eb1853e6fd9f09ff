using System.Net;
using System.Web;
using Consortium.Orcid.Errors;
using Consortium.Orcid.OAuth;

namespace Consortium.Orcid.Tests.Conformance;

[Collection(SimulatorCollection.Name)]
public sealed class SimulatorOAuthTests(SimulatorFixture simulator)
{
    OrcidOAuthClient OAuth => simulator.Clients.OAuth(OrcidEnvironment.Sandbox);

    [Fact]
    public async Task AuthorizedConsentGivesTokenWithValidIdToken()
    {
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = await simulator.AddResearcherAsync("Josiah", "Carberry");

        var redirect = await simulator.AuthorizeRedirectAsync(client, orcid, "authorize", [OrcidScopes.OpenId, OrcidScopes.ActivitiesUpdate], "state-42", nonce: "nonce-42");
        var query = HttpUtility.ParseQueryString(redirect.Query);
        var token = await OAuth.ExchangeCodeAsync(client, query["code"]!, SimulatorFixture.RedirectUri);
        var subject = await OAuth.ValidateIdTokenAsync(token.IdToken!, client.ClientId, "nonce-42");

        Assert.Equal(SimulatorFixture.RedirectUri.AbsoluteUri, redirect.GetLeftPart(UriPartial.Path));
        Assert.Equal("state-42", query["state"]);
        Assert.Equal(orcid.Value, token.Orcid);
        Assert.Equal("Josiah Carberry", token.Name);
        Assert.Equal([OrcidScopes.OpenId, OrcidScopes.ActivitiesUpdate], token.Scopes);
        Assert.Equal(631_138_518, token.ExpiresIn);
        Assert.Equal(orcid, subject);
    }

    [Fact]
    public async Task IdTokenForAnotherSignInIsRefused()
    {
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = await simulator.AddResearcherAsync();
        var redirect = await simulator.AuthorizeRedirectAsync(client, orcid, "authorize", [OrcidScopes.OpenId], "s", nonce: "nonce-1");
        var token = await OAuth.ExchangeCodeAsync(client, HttpUtility.ParseQueryString(redirect.Query)["code"]!, SimulatorFixture.RedirectUri);

        var refused = await Assert.ThrowsAsync<IdTokenValidationException>(() => OAuth.ValidateIdTokenAsync(token.IdToken!, client.ClientId, "nonce-2"));

        Assert.Equal("The ORCID id_token belongs to another sign-in: its nonce does not match.", refused.Message);
    }

    [Fact]
    public async Task DeniedConsentRedirectsWithAccessDenied()
    {
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = await simulator.AddResearcherAsync();

        var redirect = await simulator.AuthorizeRedirectAsync(client, orcid, "deny", [OrcidScopes.ActivitiesUpdate], "state-7");

        Assert.Equal(
            $"{SimulatorFixture.RedirectUri.AbsoluteUri}?error=access_denied&error_description=User%20denied%20access&state=state-7",
            redirect.AbsoluteUri);
    }

    [Fact]
    public async Task CodeIsGoodForOneExchange()
    {
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = await simulator.AddResearcherAsync();
        var redirect = await simulator.AuthorizeRedirectAsync(client, orcid, "authorize", [OrcidScopes.ActivitiesUpdate], "s");
        var code = HttpUtility.ParseQueryString(redirect.Query)["code"]!;
        await OAuth.ExchangeCodeAsync(client, code, SimulatorFixture.RedirectUri);

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() => OAuth.ExchangeCodeAsync(client, code, SimulatorFixture.RedirectUri));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (refused.Status, refused.OAuthError));
    }

    [Fact]
    public async Task RevokedTokenIsRefusedAsInvalidToken()
    {
        var target = await simulator.NewTargetAsync();

        await OAuth.RevokeAsync(target.Credentials, target.Access.AccessToken);
        var refused = await Assert.ThrowsAsync<OrcidApiException>(() =>
            simulator.Clients.Member(OrcidEnvironment.Sandbox).GetQualificationsAsync(target.Access, target.Orcid));
        var tokens = await simulator.TokensAsync(target.Credentials.ClientId);

        Assert.Equal((HttpStatusCode.Unauthorized, OrcidErrorKind.InvalidToken), (refused.Status, refused.Kind));
        Assert.True(Assert.Single(tokens).Revoked);
    }

    [Fact]
    public async Task RefreshWithRevokeOldRevokesThePreviousToken()
    {
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = await simulator.AddResearcherAsync();
        var first = await simulator.ConnectAsync(client, orcid, OrcidScopes.ActivitiesUpdate, OrcidScopes.ReadLimited);
        var member = simulator.Clients.Member(OrcidEnvironment.Sandbox);

        var second = await OAuth.RefreshAsync(client, first.RefreshToken!, revokeOld: true);
        var summary = await member.GetQualificationsAsync(second.ToAccess(client.ClientId), orcid);
        var refused = await Assert.ThrowsAsync<OrcidApiException>(() => member.GetQualificationsAsync(first.ToAccess(client.ClientId), orcid));

        Assert.Equal(first.Scopes, second.Scopes);
        Assert.Empty(summary.Qualifications);
        Assert.Equal(OrcidErrorKind.InvalidToken, refused.Kind);
    }

    [Fact]
    public async Task AuthorizePageSignsInAndAuthorizes()
    {
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = await simulator.AddResearcherAsync("Sofia", "Garcia");
        var url = OAuth.BuildAuthorizeUrl(new AuthorizeRequest
        {
            ClientId = client.ClientId,
            Scopes = [OrcidScopes.ActivitiesUpdate],
            RedirectUri = SimulatorFixture.RedirectUri,
            State = "page-state",
        });

        using var page = await simulator.Controls.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        using var answer = await simulator.Controls.PostAsync("/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = client.ClientId,
            ["response_type"] = "code",
            ["scope"] = OrcidScopes.ActivitiesUpdate,
            ["redirect_uri"] = SimulatorFixture.RedirectUri.AbsoluteUri,
            ["state"] = "page-state",
            ["researcher"] = orcid.Value,
            ["decision"] = "authorize",
        }));
        var query = HttpUtility.ParseQueryString(answer.Headers.Location!.Query);
        var token = await OAuth.ExchangeCodeAsync(client, query["code"]!, SimulatorFixture.RedirectUri);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Sofia Garcia ({orcid})", html);
        Assert.Contains("Authorize access", html);
        Assert.Contains("Deny access", html);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("page-state", query["state"]);
        Assert.Equal(orcid.Value, token.Orcid);
    }

    [Fact]
    public async Task LogsNeverContainTokensOrSecrets()
    {
        simulator.Log.Clear();
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = await simulator.AddResearcherAsync();
        var token = await simulator.ConnectAsync(client, orcid, OrcidScopes.ActivitiesUpdate, OrcidScopes.ReadLimited);
        var refreshed = await OAuth.RefreshAsync(client, token.RefreshToken!);
        await simulator.Clients.Member(OrcidEnvironment.Sandbox).GetQualificationsAsync(refreshed.ToAccess(client.ClientId), orcid);
        await OAuth.RevokeAsync(client, refreshed.AccessToken);

        var secrets = new[] { client.ClientSecret, token.AccessToken, token.RefreshToken!, refreshed.AccessToken, refreshed.RefreshToken! };
        var log = simulator.Log.Entries.Select(e => e.Message).ToList();

        // Exchange, refresh and revoke: each logged, none with what it carried.
        Assert.Equal(3, log.Count(m => m.StartsWith("ORCID POST /oauth/", StringComparison.Ordinal)));
        Assert.DoesNotContain(log, message => secrets.Any(message.Contains));
        Assert.DoesNotContain(secrets, s => $"{client} {token} {refreshed} {token.ToAccess(client.ClientId)}".Contains(s));
    }
}
