using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Badges;

/// <summary>POST /api/v1/tenants/{t}/badges/verify on badges this portal issued, its keys and status lists fetched over real HTTP
/// from its own published addresses, as for any other issuer.</summary>
public sealed class BadgeVerifierTests(KestrelPortal kestrel) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private PortalFactory Portal => kestrel.Factory;
    private HttpClient _operator = null!;
    private HttpClient _anonymous = null!;
    private IssuingTenant _issuing = null!;

    public async Task InitializeAsync()
    {
        _operator = new HttpClient { BaseAddress = kestrel.BaseAddress };
        _operator.DefaultRequestHeaders.Authorization = new("Bearer", Portal.OperatorApiKey);
        _anonymous = new HttpClient { BaseAddress = kestrel.BaseAddress };
        _issuing = await IssuingTenant.CreateAsync(Portal, _operator);
    }

    public Task DisposeAsync()
    {
        _issuing.Dispose();
        _operator.Dispose();
        _anonymous.Dispose();
        return Task.CompletedTask;
    }

    private string VerifyPath => $"/api/v1/tenants/{_issuing.Slug}/badges/verify";

    [Fact]
    public async Task OwnCredentialIsAllowedForItsHolderAndRefusedForAnotherId()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var jwt = await JwtAsync(await IssueAsync(orcid, "verify-0001"));

        var anyone = await VerifyAsync(new StringContent(jwt, Encoding.UTF8, "application/vc+jwt"));
        var holder = await VerifyAsync(JsonContent.Create(new { credential = jwt, subject = $"https://sandbox.orcid.org/{orcid}" }));
        var other = await VerifyAsync(JsonContent.Create(new { credential = jwt, subject = "https://sandbox.orcid.org/0000-0002-1825-0097" }));

        Assert.Equal(("allow", "valid"), Outcome(anyone));
        Assert.Equal(["format", "schema", "issuer-key", "signature", "status", "validity", "subject"], Checks(anyone));
        Assert.Equal($"{kestrel.BaseAddress}t/{_issuing.Slug}/issuer", anyone.GetProperty("badge").GetProperty("issuerId").GetString());
        Assert.Equal("Laser Safety Level 2", anyone.GetProperty("badge").GetProperty("achievementName").GetString());
        Assert.Equal(("allow", "valid"), Outcome(holder));
        Assert.Equal(("deny", "subject-mismatch"), Outcome(other));
        Assert.Contains("not to https://sandbox.orcid.org/0000-0002-1825-0097", other.GetProperty("evidence").EnumerateArray().Last().GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OwnCredentialWithItsDataIntegrityProofVerifiesHereAndWithDigitalBazaarAndIsRevokedLikeItsJwt()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var issuance = await IssueAsync(orcid, "verify-di-1");
        using var response = await _anonymous.GetAsync($"/t/{_issuing.Slug}/certificates/{issuance.GetProperty("certificateId").GetString()}/credential?format=di");
        var signed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var method = new Uri(signed["proof"]!["verificationMethod"]!.GetValue<string>());
        var key = await _anonymous.GetFromJsonAsync<JsonElement>(method.PathAndQuery);

        var theirs = await DataIntegrityChecks.VerifiesAsync(signed, key.GetProperty("publicKeyMultibase").GetString());
        var ours = await VerifyAsync(JsonContent.Create(new { credential = signed, subject = $"https://sandbox.orcid.org/{orcid}" }));
        (await _operator.PostAsync($"/api/v1/tenants/{_issuing.Slug}/issuances/sandbox.verify-di-1/revoke", null)).EnsureSuccessStatusCode();
        await _issuing.WaitForIssuanceAsync("sandbox.verify-di-1", "revoked");
        var withdrawn = await VerifyAsync(new StringContent(signed.ToJsonString(), Encoding.UTF8, "application/vc"));

        Assert.Equal("application/vc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("eddsa-rdfc-2022", signed["proof"]!["cryptosuite"]!.GetValue<string>());
        Assert.StartsWith($"{kestrel.BaseAddress}t/{_issuing.Slug}/keys/", method.AbsoluteUri);
        Assert.Equal("Multikey", key.GetProperty("type").GetString());
        Assert.Equal($"{kestrel.BaseAddress}t/{_issuing.Slug}/issuer", key.GetProperty("controller").GetString());
        Assert.True(theirs);
        Assert.Equal(("allow", "valid"), Outcome(ours));
        Assert.Equal(["format", "schema", "issuer-key", "signature", "status", "validity", "subject"], Checks(ours));
        Assert.Equal(("deny", "revoked"), Outcome(withdrawn));
    }

    [Fact]
    public async Task WithdrawnIssuanceHasItsBitSetIsAnsweredRevokedAndIsGoneFromOrcid()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var issuance = await IssueAsync(orcid, "verify-0002");
        var jwt = await JwtAsync(issuance);
        var before = await VerifyAsync(new StringContent(jwt));

        (await _operator.PostAsync($"/api/v1/tenants/{_issuing.Slug}/issuances/sandbox.verify-0002/revoke", null)).EnsureSuccessStatusCode();
        await _issuing.WaitForIssuanceAsync("sandbox.verify-0002", "revoked");
        var after = await VerifyAsync(new StringContent(jwt));
        var credential = JsonDocument.Parse(Encoding.UTF8.GetString(Base64Url(jwt.Split('.')[1]))).RootElement;
        var list = new Uri(credential.GetProperty("credentialStatus").GetProperty("statusListCredential").GetString()!);
        var decoded = await BadgeChecks.DecodeStatusListAsync(await _anonymous.GetStringAsync($"/t/{_issuing.Slug}/.well-known/jwks.json"),
            await _anonymous.GetStringAsync(list.PathAndQuery), $"{kestrel.BaseAddress}t/{_issuing.Slug}/issuer");
        var onRecord = await _issuing.Controls.QualificationsAsync(orcid);

        Assert.Equal(("allow", "valid"), Outcome(before));
        Assert.Equal(("deny", "revoked"), Outcome(after));
        Assert.Equal([int.Parse(credential.GetProperty("credentialStatus").GetProperty("statusListIndex").GetString()!)],
            decoded.GetProperty("set").EnumerateArray().Select(i => i.GetInt32()));
        Assert.DoesNotContain(onRecord, q => q.GetProperty("put-code").GetInt64() == issuance.GetProperty("putCode").GetInt64());
    }

    [Fact]
    public async Task ExpiredAndNotYetValidCredentialsAreNamedSo()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        // laser-2 is valid for 24 months from its start.
        var expired = await VerifyAsync(new StringContent(await JwtAsync(await IssueAsync(orcid, "verify-0003", new DateOnly(2019, 3, 1)))));
        var future = await VerifyAsync(new StringContent(await JwtAsync(await IssueAsync(orcid, "verify-0004", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)))));

        Assert.Equal(("deny", "expired"), Outcome(expired));
        Assert.Contains("expired at 2021-03-01 23:59:59Z", expired.GetProperty("evidence").EnumerateArray().Last().GetProperty("detail").GetString());
        Assert.Equal(("deny", "not-yet-valid"), Outcome(future));
    }

    [Fact]
    public async Task TamperedForeignAndUnreadableBadgesAreRefusedWithTheirReason()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var jwt = await JwtAsync(await IssueAsync(orcid, "verify-0005"));
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url(parts[1])).Replace("Laser Safety Level 2", "Laser Safety Level 9");
        var tampered = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        // The same credential claimed for another issuer: its kid is not under that issuer's address.
        var otherIssuer = payload.Replace($"{kestrel.BaseAddress}t/{_issuing.Slug}/issuer", "https://issuer.example.org/profile");
        var foreign = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(otherIssuer)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";

        Assert.Equal(("deny", "bad-signature"), Outcome(await VerifyAsync(new StringContent(tampered))));
        Assert.Equal(("deny", "unknown-issuer"), Outcome(await VerifyAsync(new StringContent(foreign))));
        Assert.Equal(("deny", "malformed"), Outcome(await VerifyAsync(new StringContent("not a badge"))));
        Assert.Equal(("deny", "malformed"), Outcome(await VerifyAsync(new StringContent("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"))));
        var unauthenticated = await _anonymous.PostAsync(VerifyPath, new StringContent(jwt));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var badSubject = await _operator.PostAsync($"{VerifyPath}?subject=0000-0002-1825-0098", new StringContent(jwt));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSubject.StatusCode);
    }

    [Fact]
    public async Task TheCertificatesBakedPngCarriesTheCredentialAndVerifiesAsAnUploadWhileAPlainPngIsMalformed()
    {
        var orcid = await _issuing.ConnectResearcherAsync();
        var issuance = await IssueAsync(orcid, "verify-0006");
        var jwt = await JwtAsync(issuance);
        using var png = await _anonymous.GetAsync($"/t/{_issuing.Slug}/certificates/{issuance.GetProperty("certificateId").GetString()}/credential?format=png");
        var image = await png.Content.ReadAsByteArrayAsync();
        var page = await _anonymous.GetStringAsync($"/t/{_issuing.Slug}/certificates/{issuance.GetProperty("certificateId").GetString()}");

        var uploaded = await VerifyAsync(Upload(image, "badge.png"));
        var plain = await VerifyAsync(Upload(Grains.Badges.BakedPng.Plain(1, 2, 3), "plain.png"));

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jwt, Grains.Badges.BakedPng.Extract(image));
        Assert.Equal(("allow", "valid"), Outcome(uploaded));
        Assert.Equal(("deny", "malformed"), Outcome(plain));
        Assert.Contains("no 'openbadgecredential' chunk", plain.GetProperty("evidence")[0].GetProperty("detail").GetString());
        Assert.Contains("credential?format=png", page);
    }

    private static MultipartFormDataContent Upload(byte[] file, string name)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "badge", name);
        return form;
    }

    private async Task<JsonElement> VerifyAsync(HttpContent body)
    {
        using var response = await _operator.PostAsync(VerifyPath, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> IssueAsync(string orcid, string externalId, DateOnly? startDate = null)
    {
        (await _operator.PostAsJsonAsync($"/api/v1/tenants/{_issuing.Slug}/issuances", new
        {
            env = "sandbox", templateId = IssuingTenant.TemplateId, orcid, externalId, startDate,
        })).EnsureSuccessStatusCode();
        return await _issuing.WaitForIssuanceAsync($"sandbox.{externalId}", "in-orcid");
    }

    private Task<string> JwtAsync(JsonElement issuance) =>
        _anonymous.GetStringAsync($"/t/{_issuing.Slug}/certificates/{issuance.GetProperty("certificateId").GetString()}/credential");

    private static (string?, string?) Outcome(JsonElement result) =>
        (result.GetProperty("decision").GetString(), result.GetProperty("reason").GetString());

    private static string[] Checks(JsonElement result) =>
        [.. result.GetProperty("evidence").EnumerateArray().Select(c => c.GetProperty("check").GetString()!)];

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}
