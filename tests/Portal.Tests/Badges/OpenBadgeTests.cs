using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Badges;

/// <summary>Each qualification written to ORCID is also an Open Badges 3.0 credential, checked here by an independent
/// implementation (jose, node's zlib) against what the portal publishes: its keys and status lists.</summary>
public sealed class OpenBadgeTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly HttpClient _operator = portal.CreateApiClient(portal.OperatorApiKey);
    private readonly HttpClient _anonymous = portal.CreateClient();
    private IssuingTenant _issuing = null!;

    private string Issuer => $"http://localhost/t/{_issuing.Slug}/issuer";

    public async Task InitializeAsync() => _issuing = await IssuingTenant.CreateAsync(portal, _operator);

    public Task DisposeAsync()
    {
        _issuing.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheCredentialCarriesTheIssuanceTemplateAndTenantAndVerifiesAgainstThePublishedKeys()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var issuance = await IssueAsync(orcid, "badge-0001");
        var certificateId = issuance.GetProperty("certificateId").GetString()!;

        var signed = await _anonymous.GetAsync($"/t/{_issuing.Slug}/certificates/{certificateId}/credential");
        var credential = await _anonymous.GetFromJsonAsync<JsonElement>($"/t/{_issuing.Slug}/certificates/{certificateId}/credential?format=json");
        var verified = await BadgeChecks.VerifyAsync(await JwksAsync(), await signed.Content.ReadAsStringAsync(), Issuer);
        var fromApi = await BadgeChecks.VerifyAsync(await JwksAsync(),
            await _operator.GetStringAsync($"/api/v1/tenants/{_issuing.Slug}/issuances/sandbox.badge-0001/credential"), Issuer);
        var profile = await _anonymous.GetFromJsonAsync<JsonElement>($"/t/{_issuing.Slug}/issuer");
        var page = await _anonymous.GetStringAsync($"/t/{_issuing.Slug}/certificates/{certificateId}");
        var onRecord = (await _issuing.Controls.QualificationsAsync(orcid)).Single(q => q.GetProperty("put-code").GetInt64() == issuance.GetProperty("putCode").GetInt64());

        Assert.Equal("application/vc+jwt", signed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], Strings(credential, "@context"));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], Strings(credential, "type"));
        var issuer = credential.GetProperty("issuer");
        Assert.Equal(Issuer, issuer.GetProperty("id").GetString());
        Assert.Equal(["Profile"], Strings(issuer, "type"));
        Assert.Equal("Issuing University", issuer.GetProperty("name").GetString());
        Assert.Equal($"http://localhost/t/{_issuing.Slug}", issuer.GetProperty("url").GetString());
        Assert.Equal("https://ror.org/02mhbdp94", issuer.GetProperty("otherIdentifier")[0].GetProperty("identifier").GetString());
        var subject = credential.GetProperty("credentialSubject");
        Assert.Equal($"https://sandbox.orcid.org/{orcid}", subject.GetProperty("id").GetString());
        Assert.Equal(["AchievementSubject"], Strings(subject, "type"));
        var achievement = subject.GetProperty("achievement");
        Assert.Equal("Laser Safety Level 2", achievement.GetProperty("name").GetString());
        Assert.Contains("Radiation Protection Office", achievement.GetProperty("description").GetString());
        Assert.Contains("valid for 24 months", achievement.GetProperty("criteria").GetProperty("narrative").GetString());
        Assert.Equal($"{issuance.GetProperty("startDate").GetString()}T00:00:00Z", credential.GetProperty("validFrom").GetString());
        Assert.Equal($"{issuance.GetProperty("endDate").GetString()}T23:59:59Z", credential.GetProperty("validUntil").GetString());
        // Linked both ways: the ORCID item's URL is the certificate page, which is the credential's evidence.
        Assert.Equal(onRecord.GetProperty("url").GetProperty("value").GetString(), credential.GetProperty("evidence")[0].GetProperty("id").GetString());
        Assert.Equal("revocation", credential.GetProperty("credentialStatus").GetProperty("statusPurpose").GetString());

        var header = verified.GetProperty("header");
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        Assert.StartsWith($"http://localhost/t/{_issuing.Slug}/.well-known/jwks.json#", header.GetProperty("kid").GetString());
        var payload = verified.GetProperty("payload");
        Assert.Equal(credential.GetProperty("id").GetString(), payload.GetProperty("jti").GetString());
        Assert.Equal($"https://sandbox.orcid.org/{orcid}", payload.GetProperty("sub").GetString());
        Assert.Equal("Laser Safety Level 2", payload.GetProperty("credentialSubject").GetProperty("achievement").GetProperty("name").GetString());
        Assert.Equal(credential.GetProperty("id").GetString(), fromApi.GetProperty("payload").GetProperty("jti").GetString());
        Assert.Equal(Issuer, profile.GetProperty("id").GetString());
        Assert.Equal("Issuing University", profile.GetProperty("name").GetString());
        Assert.Contains($"href=\"/t/{_issuing.Slug}/certificates/{certificateId}/credential\"", page);
        Assert.Contains($"href=\"/t/{_issuing.Slug}/certificates/{certificateId}/credential?format=di\"", page);
        Assert.Contains("Open Badges 3.0 verifiable credential", page);
    }

    [Fact]
    public async Task ATamperedCredentialOrAnotherTenantsPathDoesNotVerify()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var certificateId = (await IssueAsync(orcid, "badge-0002")).GetProperty("certificateId").GetString()!;
        var jwt = await _anonymous.GetStringAsync($"/t/{_issuing.Slug}/certificates/{certificateId}/credential");
        var parts = jwt.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1])))
            .Replace("Laser Safety Level 2", "Laser Safety Level 9");
        var tampered = $"{parts[0]}.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        using var other = await IssuingTenant.CreateAsync(portal, _operator);
        var jwks = await JwksAsync();

        await BadgeChecks.VerifyAsync(jwks, jwt, Issuer);
        await Assert.ThrowsAsync<BadgeCheckFailedException>(() => BadgeChecks.VerifyAsync(jwks, tampered, Issuer));
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/t/{other.Slug}/certificates/{certificateId}/credential")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/t/{_issuing.Slug}/certificates/not-a-certificate/credential")).StatusCode);
    }

    [Fact]
    public async Task WithdrawingAnIssuanceSetsItsBitInTheSignedStatusList()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var kept = await CredentialAsync(await IssueAsync(orcid, "badge-0003"));
        var withdrawn = await CredentialAsync(await IssueAsync(orcid, "badge-0004"));

        (await _operator.PostAsync($"/api/v1/tenants/{_issuing.Slug}/issuances/sandbox.badge-0004/revoke", null)).EnsureSuccessStatusCode();
        await _issuing.WaitForIssuanceAsync("sandbox.badge-0004", "revoked");
        var status = withdrawn.GetProperty("credentialStatus");
        var list = new Uri(status.GetProperty("statusListCredential").GetString()!);
        var signedList = await _anonymous.GetAsync(list.PathAndQuery);
        var decoded = await BadgeChecks.DecodeStatusListAsync(await JwksAsync(), await signedList.Content.ReadAsStringAsync(), Issuer);
        var set = decoded.GetProperty("set").EnumerateArray().Select(i => i.GetInt32()).ToList();

        Assert.Equal("application/vc+jwt", signedList.Content.Headers.ContentType?.MediaType);
        Assert.Equal("BitstringStatusListEntry", status.GetProperty("type").GetString());
        Assert.Equal(list.AbsoluteUri, kept.GetProperty("credentialStatus").GetProperty("statusListCredential").GetString());
        Assert.True(decoded.GetProperty("bits").GetInt32() >= 131_072);
        Assert.Equal([int.Parse(status.GetProperty("statusListIndex").GetString()!)], set);
        Assert.NotEqual(status.GetProperty("statusListIndex").GetString(), kept.GetProperty("credentialStatus").GetProperty("statusListIndex").GetString());
    }

    [Fact]
    public async Task ARotatedKeySignsNewCredentialsAndOldOnesStillVerify()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var certificateId = (await IssueAsync(orcid, "badge-0005")).GetProperty("certificateId").GetString()!;
        var before = await _anonymous.GetStringAsync($"/t/{_issuing.Slug}/certificates/{certificateId}/credential");

        (await _operator.PostAsync($"/api/v1/tenants/{_issuing.Slug}/badges/keys/rotate", null)).EnsureSuccessStatusCode();
        var after = await _anonymous.GetStringAsync($"/t/{_issuing.Slug}/certificates/{certificateId}/credential");
        var jwks = await JwksAsync();
        var old = await BadgeChecks.VerifyAsync(jwks, before, Issuer);
        var renewed = await BadgeChecks.VerifyAsync(jwks, after, Issuer);

        Assert.Equal(2, JsonDocument.Parse(jwks).RootElement.GetProperty("keys").GetArrayLength());
        Assert.DoesNotContain("\"d\"", jwks);
        Assert.NotEqual(old.GetProperty("header").GetProperty("kid").GetString(), renewed.GetProperty("header").GetProperty("kid").GetString());
    }

    private async Task<JsonElement> IssueAsync(string orcid, string externalId)
    {
        (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_issuing.Slug}/issuances", new
        {
            env = "sandbox", templateId = IssuingTenant.TemplateId, orcid, externalId,
        })).EnsureSuccessStatusCode();
        return await _issuing.WaitForIssuanceAsync($"sandbox.{externalId}", "in-orcid");
    }

    private Task<JsonElement> CredentialAsync(JsonElement issuance) =>
        _anonymous.GetFromJsonAsync<JsonElement>($"/t/{_issuing.Slug}/certificates/{issuance.GetProperty("certificateId").GetString()}/credential?format=json");

    private Task<string> JwksAsync() => _anonymous.GetStringAsync($"/t/{_issuing.Slug}/.well-known/jwks.json");

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    private static string Pad(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/').PadRight(base64Url.Length + (4 - base64Url.Length % 4) % 4, '=');
}
