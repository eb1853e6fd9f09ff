using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Consortium.Portal.Tests.Badges;

/// <summary>
/// <c>POST /api/v1/tenants/{t}/badges/verify</c> with a JSON credential carrying an eddsa-rdfc-2022 proof, end to end on real
/// Kestrel: the credentials are signed by digitalbazaar's cryptosuite (npm, tests/tools/badges/di.mjs), the issuer is a stand-in
/// on a loopback port publishing its controller document (the Multikey under <c>assertionMethod</c>) at its own id.
/// </summary>
public sealed class DataIntegrityBadgeTests(KestrelPortal kestrel) : IClassFixture<KestrelPortal>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _published = new();
    private WebApplication _issuer = null!;
    private HttpClient _operator = null!;
    private string _tenant = null!;

    private string IssuerUrl => $"{_issuer.Urls.First().TrimEnd('/')}/issuers/565049";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _issuer = builder.Build();
        _issuer.MapGet("/issuers/565049", () => Results.Json(new
        {
            id = IssuerUrl,
            type = new[] { "Profile" },
            assertionMethod = _published.Select(k => new { id = k.Key, type = "Multikey", controller = IssuerUrl, publicKeyMultibase = k.Value }),
        }));
        await _issuer.StartAsync();
        _operator = new HttpClient { BaseAddress = kestrel.BaseAddress };
        _operator.DefaultRequestHeaders.Authorization = new("Bearer", kestrel.Factory.OperatorApiKey);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        (await _operator.PostAsJsonAsync("/api/v1/consortia", new { slug = "di-" + suffix, name = "Proofs" })).EnsureSuccessStatusCode();
        (await _operator.PostAsJsonAsync($"/api/v1/consortia/di-{suffix}/tenants", new { slug = "di-org-" + suffix, name = "Proof University" })).EnsureSuccessStatusCode();
        _tenant = "di-org-" + suffix;
    }

    public async Task DisposeAsync()
    {
        _operator.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task ACredentialSignedUnderTheIssuersAddressIsAllowedAndForAnotherHolderIsSubjectMismatch()
    {
        var signed = await SignAsync(Example());

        var result = await VerifyAsync(signed);
        var forSomeoneElse = await VerifyAsync(signed, "?subject=0000-0002-1825-0097");
        var wrappedForSomeoneElse = await VerifyAsync(new JsonObject { ["credential"] = signed.DeepClone(), ["subject"] = "https://orcid.org/0000-0002-1825-0097" });

        Assert.Equal(("allow", "valid"), Outcome(result));
        Assert.Equal(["format", "schema", "issuer-key", "signature", "status", "validity", "subject"], Checks(result));
        Assert.Contains("eddsa-rdfc-2022", Detail(result, "signature"));
        Assert.Equal(IssuerUrl, result.GetProperty("badge").GetProperty("issuerId").GetString());
        Assert.Equal(("deny", "subject-mismatch"), Outcome(forSomeoneElse));
        Assert.Equal(("deny", "subject-mismatch"), Outcome(wrappedForSomeoneElse));
    }

    public static TheoryData<string> Tamperings => [.. ProofTampering.All];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task ATamperedCredentialIsBadSignature(string tampering)
    {
        var (signed, publicKey) = await SignWithKeyAsync(Example());
        ProofTampering.Apply(signed, tampering);

        var result = await VerifyAsync(signed);

        Assert.Equal(("deny", "bad-signature"), Outcome(result));
        Assert.False(await DataIntegrityChecks.VerifiesAsync(signed, publicKey));
    }

    [Fact]
    public async Task AKeyTheIssuerDoesNotPublishOrADidKeyForAnHttpIssuerIsUnknownIssuer()
    {
        var (unpublished, _) = await DataIntegrityChecks.SignAsync(Example(), $"{IssuerUrl}#not-published");
        var (didKeyed, _) = await DataIntegrityChecks.SignAsync(Example());

        var notPublished = await VerifyAsync(unpublished);
        var selfNamed = await VerifyAsync(didKeyed);

        Assert.Equal(("deny", "unknown-issuer"), Outcome(notPublished));
        Assert.Equal(("deny", "unknown-issuer"), Outcome(selfNamed));
        Assert.Contains("proves nothing about the issuer", Detail(selfNamed, "issuer-key"));
    }

    [Fact]
    public async Task AnIssuerThatIsItsOwnDidKeyIsAllowed()
    {
        var (signed, publicKey) = await DataIntegrityChecks.SignAsync(Example(), DataIntegrityChecks.IssuerIsKey);

        var result = await VerifyAsync(signed);

        Assert.Equal(("allow", "valid"), Outcome(result));
        Assert.Equal($"did:key:{publicKey}", result.GetProperty("badge").GetProperty("issuerId").GetString());
    }

    [Fact]
    public async Task AnExpiredCredentialIsExpiredAfterItsProofHolds()
    {
        var credential = Example();
        credential["validUntil"] = "2011-01-01T00:00:00Z";

        var result = await VerifyAsync(await SignAsync(credential));

        Assert.Equal(("deny", "expired"), Outcome(result));
        Assert.Equal(true, Passed(result, "signature"));
    }

    [Fact]
    public async Task AnUnknownContextIsMalformedAndNeverFetched()
    {
        var signed = await SignAsync(Example());
        signed["@context"]!.AsArray().Add($"{_issuer.Urls.First().TrimEnd('/')}/context.json");

        var result = await VerifyAsync(signed);

        Assert.Equal(("deny", "malformed"), Outcome(result));
        Assert.Contains("/context.json is not known", Detail(result, "signature"));
    }

    private JsonObject Example()
    {
        var credential = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("tests/Grains.Tests/Badges/Vendor/examples/basicOpenBadgeCredential.json")))!.AsObject();
        credential["issuer"]!["id"] = IssuerUrl;
        return credential;
    }

    /// <summary>Signed by digitalbazaar with a new key, which the stand-in issuer then publishes.</summary>
    private async Task<JsonObject> SignAsync(JsonObject credential) => (await SignWithKeyAsync(credential)).Credential;

    private async Task<(JsonObject Credential, string PublicKey)> SignWithKeyAsync(JsonObject credential)
    {
        var method = $"{IssuerUrl}#key-{Guid.NewGuid():N}";
        var (signed, publicKey) = await DataIntegrityChecks.SignAsync(credential, method);
        _published[method] = publicKey;
        return (signed, publicKey);
    }

    private async Task<JsonElement> VerifyAsync(JsonObject credential, string query = "")
    {
        using var response = await _operator.PostAsync($"/api/v1/tenants/{_tenant}/badges/verify{query}",
            new StringContent(credential.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string?, string?) Outcome(JsonElement result) =>
        (result.GetProperty("decision").GetString(), result.GetProperty("reason").GetString());

    private static List<string?> Checks(JsonElement result) =>
        [.. result.GetProperty("evidence").EnumerateArray().Select(c => c.GetProperty("check").GetString())];

    private static JsonElement Check(JsonElement result, string check) =>
        result.GetProperty("evidence").EnumerateArray().Last(c => c.GetProperty("check").GetString() == check);

    private static string? Detail(JsonElement result, string check) => Check(result, check).GetProperty("detail").GetString();

    private static bool? Passed(JsonElement result, string check) =>
        Check(result, check).GetProperty("passed") is { ValueKind: JsonValueKind.True or JsonValueKind.False } passed ? passed.GetBoolean() : null;
}
