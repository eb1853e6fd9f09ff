using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Portal.Tests.Infrastructure;
using Consortium.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consortium.Portal.Tests.Badges;

/// <summary>
/// 1EdTech's OB 3.0 examples (vendored in tests/Grains.Tests/Badges/Vendor/examples) through the whole verifier. The examples carry
/// no JWT and their issuers (example.com, 1edtech.edu) publish no keys, so each is signed here as a VC-JWT by a stand-in issuer on
/// a loopback port, its <c>issuer.id</c> moved to that issuer and nothing else changed; the embedded eddsa-rdfc-2022 vector goes in
/// as 1EdTech published it (signed eddsa-rdfc-2022 credentials: <see cref="DataIntegrityBadgeTests"/>).
/// </summary>
public sealed class OneEdTechBadgeTests(KestrelPortal kestrel) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);
    private WebApplication _issuer = null!;
    private HttpClient _operator = null!;
    private string _tenant = null!;

    private string IssuerUrl => $"{Address(_issuer)}issuers/565049";
    private string Kid => $"{Address(_issuer)}keys#key-1";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _issuer = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)));
        _issuer.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = "RSA", kid = "key-1", n = jwk.N, e = jwk.E } } }));
        await _issuer.StartAsync();
        _operator = new HttpClient { BaseAddress = kestrel.BaseAddress };
        _operator.DefaultRequestHeaders.Authorization = new("Bearer", kestrel.Factory.OperatorApiKey);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        (await _operator.PostAsJsonAsync("/api/v1/consortia", new { slug = "vec-" + suffix, name = "Vectors" })).EnsureSuccessStatusCode();
        (await _operator.PostAsJsonAsync($"/api/v1/consortia/vec-{suffix}/tenants", new { slug = "vec-org-" + suffix, name = "Vector University" })).EnsureSuccessStatusCode();
        _tenant = "vec-org-" + suffix;
    }

    public async Task DisposeAsync()
    {
        _operator.Dispose();
        await _issuer.DisposeAsync();
        _key.Dispose();
    }

    public static TheoryData<string> SignableExamples =>
        ["basicOpenBadgeCredential", "fullOpenBadge", "achievementAlignmentCase", "achievementAlignmentCe", "skillAssertionCase", "skillAssertionCtdl"];

    [Theory]
    [MemberData(nameof(SignableExamples))]
    public async Task EachExampleSignedByItsIssuerIsAllowedAndAlteredIsBadSignature(string example)
    {
        var jwt = Sign(Example(example));
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["credentialSubject"]!["achievement"]!["name"] = "Something else";
        var altered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        var valid = await VerifyAsync(jwt);
        var tampered = await VerifyAsync(altered);

        Assert.Equal(("allow", "valid"), Outcome(valid));
        Assert.Equal(IssuerUrl, valid.GetProperty("badge").GetProperty("issuerId").GetString());
        Assert.Equal(("deny", "bad-signature"), Outcome(tampered));
    }

    [Fact]
    public async Task AStatusListThatCannotBeReadLeavesTheDecisionUnknownNotAllow()
    {
        var credential = Example("basicOpenBadgeCredential");
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = $"{Address(_issuer)}status/1#7",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "7",
            ["statusListCredential"] = $"{Address(_issuer)}status/1",
        };

        var result = await VerifyAsync(Sign(credential));

        Assert.Equal(("unknown", "status-unavailable"), Outcome(result));
    }

    [Fact]
    public async Task AnExampleWithoutItsAchievementIsMalformedEvenWhenProperlySigned()
    {
        var credential = Example("basicOpenBadgeCredential");
        credential["credentialSubject"]!.AsObject().Remove("achievement");

        var result = await VerifyAsync(Sign(credential));

        Assert.Equal(("deny", "malformed"), Outcome(result));
        Assert.Contains("credentialSubject.achievement", result.GetProperty("evidence").EnumerateArray().Last().GetProperty("detail").GetString());
    }

    /// <summary>The vector's proof verifies with the key its verificationMethod names (Grains.Tests EddsaRdfc2022Tests, and
    /// digitalbazaar's verifier), but that method is under example.edu, which publishes no key: so the issuer is not proven.</summary>
    [Fact]
    public async Task TheEmbeddedProofVectorPassesTheSchemaButItsIssuerIsUnknownAndWithoutIssuerItIsMalformed()
    {
        var signed = OneEdTechVector("ldpSignedOpenBadgeCredential");
        var tampered = OneEdTechVector("ldpSignedOpenBadgeCredential");
        tampered.Remove("issuer");

        var asPublished = await VerifyAsync(signed.ToJsonString());
        var withoutIssuer = await VerifyAsync(tampered.ToJsonString());

        Assert.Equal(("deny", "unknown-issuer"), Outcome(asPublished));
        Assert.Equal([true, true, false], asPublished.GetProperty("evidence").EnumerateArray().Select(c => c.GetProperty("passed").GetBoolean()));
        Assert.Equal(("deny", "malformed"), Outcome(withoutIssuer));
    }

    private JsonObject Example(string name)
    {
        var credential = OneEdTechVector(name);
        credential["issuer"]!["id"] = IssuerUrl;
        return credential;
    }

    private static JsonObject OneEdTechVector(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf($"tests/Grains.Tests/Badges/Vendor/examples/{name}.json")))!.AsObject();

    /// <summary>The VC-JWT as OB 3.0 builds it: the credential as payload with iss, jti, sub and nbf beside it.</summary>
    private string Sign(JsonObject credential)
    {
        credential["iss"] = IssuerUrl;
        credential["jti"] = credential["id"]!.GetValue<string>();
        credential["sub"] = credential["credentialSubject"]!["id"]!.GetValue<string>();
        credential["nbf"] = DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>()).ToUnixTimeSeconds();
        return new JsonWebTokenHandler().CreateToken(credential.ToJsonString(),
            new SigningCredentials(new RsaSecurityKey(_key) { KeyId = Kid }, SecurityAlgorithms.RsaSha256));
    }

    private async Task<JsonElement> VerifyAsync(string badge)
    {
        using var response = await _operator.PostAsync($"/api/v1/tenants/{_tenant}/badges/verify", new StringContent(badge, Encoding.UTF8, "text/plain"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string?, string?) Outcome(JsonElement result) =>
        (result.GetProperty("decision").GetString(), result.GetProperty("reason").GetString());

    private static Uri Address(WebApplication app) => new(app.Urls.First().TrimEnd('/') + "/");
}
