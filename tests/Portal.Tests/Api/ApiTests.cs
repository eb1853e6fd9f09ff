using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Api;

public sealed class ApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _operator = portal.CreateApiClient(portal.OperatorApiKey);

    [Fact]
    public async Task OperatorCreatesAConsortiumAndAMemberOrganisationAndListsIt()
    {
        var consortium = await CreateConsortiumAsync();

        var created = await _operator.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants",
            new { slug = "api-org-" + Suffix(), name = "API University", rorId = "https://ror.org/02mhbdp94", adminEmail = "admin@example.org" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tenant = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://ror.org/02mhbdp94", tenant.GetProperty("rorId").GetString());
        Assert.Equal(consortium, tenant.GetProperty("consortiumSlug").GetString());
        var listed = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/consortia/{consortium}/tenants");
        Assert.Equal(tenant.GetProperty("slug").GetString(), Assert.Single(listed.EnumerateArray()).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task MalformedFieldAnswers422NamingTheFieldAndTakenSlugAnswers409()
    {
        var consortium = await CreateConsortiumAsync();

        var malformed = await _operator.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug = "Bad Slug", name = "X" });
        var problem = await malformed.Content.ReadFromJsonAsync<JsonElement>();
        var badAdminEmail = await _operator.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug = "good-slug", name = "X", adminEmail = "not-an-address" });
        var slug = "dup-" + Suffix();
        await _operator.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "First" });
        var taken = await _operator.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "Second" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("The slug must be", Assert.Single(problem.GetProperty("errors").GetProperty("slug").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badAdminEmail.StatusCode);
        Assert.Contains("adminEmail", (await badAdminEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var listed = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/consortia/{consortium}/tenants");
        Assert.Equal("First", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task RequestsWithoutAValidKeyAreRefused()
    {
        var anonymous = await portal.CreateClient().PostAsJsonAsync("/api/v1/consortia", new { slug = "x-" + Suffix(), name = "X" });
        var wrongKey = await portal.CreateApiClient("op-wrong").PostAsJsonAsync("/api/v1/consortia", new { slug = "x-" + Suffix(), name = "X" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [Fact]
    public async Task TenantKeySeesItsOwnTenantOnlyAndStopsWorkingWhenRevoked()
    {
        var consortium = await CreateConsortiumAsync();
        var mine = await CreateTenantAsync(consortium);
        var theirs = await CreateTenantAsync(consortium);
        var key = await (await _operator.PostAsJsonAsync($"/api/v1/tenants/{mine}/api-keys", new { name = "hr-system" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var tenantClient = portal.CreateApiClient(key.GetProperty("key").GetString()!);

        Assert.Equal(HttpStatusCode.OK, (await tenantClient.GetAsync($"/api/v1/tenants/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenantClient.GetAsync($"/api/v1/tenants/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenantClient.GetAsync($"/api/v1/tenants/{theirs}/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenantClient.GetAsync($"/api/v1/consortia/{consortium}/tenants")).StatusCode);

        var listed = await tenantClient.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{mine}/api-keys");
        var view = Assert.Single(listed.EnumerateArray());
        Assert.Equal("hr-system", view.GetProperty("name").GetString());
        Assert.False(view.TryGetProperty("key", out _));
        Assert.DoesNotContain(key.GetProperty("key").GetString()!, listed.GetRawText());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("lastUsedAt").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await _operator.DeleteAsync($"/api/v1/tenants/{mine}/api-keys/{key.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenantClient.GetAsync($"/api/v1/tenants/{mine}")).StatusCode);
    }

    [Fact]
    public async Task AuditLogRecordsEachChangeNewestFirstAndOnlyForItsTenant()
    {
        var consortium = await CreateConsortiumAsync();
        var mine = await CreateTenantAsync(consortium);
        var theirs = await CreateTenantAsync(consortium);
        var key = await (await _operator.PostAsJsonAsync($"/api/v1/tenants/{mine}/api-keys", new { name = "audit-reader" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var tenantClient = portal.CreateApiClient(key.GetProperty("key").GetString()!);

        var consortiumLog = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/consortia/{consortium}/audit");
        var tenantLog = await tenantClient.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{mine}/audit?pageSize=10");

        Assert.Equal(
            [("api-key.created", key.GetProperty("id").GetString()), ("tenant.created", theirs), ("tenant.created", mine), ("consortium.created", consortium)],
            consortiumLog.GetProperty("items").EnumerateArray().Select(entry => (entry.GetProperty("action").GetString(), entry.GetProperty("target").GetString())));
        Assert.Equal(4, consortiumLog.GetProperty("total").GetInt64());
        Assert.Equal(
            [("api-key.created", "operator (API key)"), ("tenant.created", "operator (API key)")],
            tenantLog.GetProperty("items").EnumerateArray().Select(entry => (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString())));
        Assert.Equal(HttpStatusCode.NotFound, (await tenantClient.GetAsync($"/api/v1/tenants/{theirs}/audit")).StatusCode);
        var filtered = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/consortia/{consortium}/audit?action=tenant.");
        Assert.Equal([theirs, mine], filtered.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("target").GetString()));
        Assert.Equal(2, filtered.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task BrandingIsSavedNormalisedAndBadFieldsChangeNothing()
    {
        var tenant = await CreateTenantAsync(await CreateConsortiumAsync());

        var saved = await _operator.PutAsJsonAsync($"/api/v1/tenants/{tenant}/branding",
            new { displayName = " Lab One ", primaryColour = "#1b5e20", welcomeText = "Welcome", supportContact = "orcid@example.org" });
        var badColour = await _operator.PutAsJsonAsync($"/api/v1/tenants/{tenant}/branding",
            new { displayName = "Changed", primaryColour = "green" });
        var branding = await _operator.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/branding");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badColour.StatusCode);
        Assert.Contains("primaryColour", (await badColour.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal(("Lab One", "#1B5E20"), (branding.GetProperty("displayName").GetString(), branding.GetProperty("primaryColour").GetString()));
    }

    [Fact]
    public async Task LogoIsCheckedByContentAndSizeAndServedPubliclyWithoutScript()
    {
        var tenant = await CreateTenantAsync(await CreateConsortiumAsync());
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        var notAnImage = await _operator.PutAsync($"/api/v1/tenants/{tenant}/branding/logo", new ByteArrayContent("MZ executable"u8.ToArray()));
        var tooLarge = await _operator.PutAsync($"/api/v1/tenants/{tenant}/branding/logo", new ByteArrayContent([.. png, .. new byte[300 * 1024]]));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync($"/t/{tenant}/logo")).StatusCode);
        var accepted = await _operator.PutAsync($"/api/v1/tenants/{tenant}/branding/logo", new ByteArrayContent(png));
        var served = await portal.CreateClient().GetAsync($"/t/{tenant}/logo");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAnImage.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLarge.StatusCode);
        Assert.Equal("The logo must be at most 256 KB.", (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task SuspendedTenantsKeysAreRefusedUntilResumed()
    {
        var consortium = await CreateConsortiumAsync();
        var tenant = await CreateTenantAsync(consortium);
        var key = await (await _operator.PostAsJsonAsync($"/api/v1/tenants/{tenant}/api-keys", new { name = "suspend" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var tenantClient = portal.CreateApiClient(key.GetProperty("key").GetString()!);

        var suspended = await _operator.PostAsync($"/api/v1/consortia/{consortium}/tenants/{tenant}/suspend", null);
        var refused = await tenantClient.GetAsync($"/api/v1/tenants/{tenant}");
        var operatorStillSees = await _operator.GetAsync($"/api/v1/tenants/{tenant}");
        await _operator.PostAsync($"/api/v1/consortia/{consortium}/tenants/{tenant}/resume", null);
        var resumed = await tenantClient.GetAsync($"/api/v1/tenants/{tenant}");

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspendedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("suspended", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, operatorStillSees.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    [Fact]
    public async Task OrcidClientIsValidatedWithOrcidAndItsSecretNeverComesBack()
    {
        var tenant = await CreateTenantAsync(await CreateConsortiumAsync());
        using var sandbox = new SimulatorControls(portal.OrcidSandbox);
        var (clientId, secret) = await sandbox.RegisterClientAsync("API University", "http://localhost/cb");

        var refused = await _operator.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret = secret + "x" });
        var notStored = await _operator.GetAsync($"/api/v1/tenants/{tenant}/clients/sandbox");
        var saved = await _operator.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret = secret });
        var read = await _operator.GetStringAsync($"/api/v1/tenants/{tenant}/clients/sandbox");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("clientSecret", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal(HttpStatusCode.NotFound, notStored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = JsonDocument.Parse(read).RootElement;
        Assert.Equal((clientId, "…" + secret[^4..]), (view.GetProperty("clientId").GetString(), view.GetProperty("secretHint").GetString()));
        Assert.DoesNotContain(secret, read);
        Assert.DoesNotContain(secret, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _operator.GetAsync($"/api/v1/tenants/{tenant}/clients/production")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _operator.GetAsync($"/api/v1/tenants/{tenant}/clients/staging")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        var document = await portal.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/v1/consortia", paths);
        Assert.Contains("/api/v1/tenants/{tenant}/api-keys", paths);
    }

    private async Task<string> CreateConsortiumAsync()
    {
        var slug = "cons-" + Suffix();
        var response = await _operator.PostAsJsonAsync("/api/v1/consortia", new { slug, name = "API Consortium" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return slug;
    }

    private async Task<string> CreateTenantAsync(string consortium)
    {
        var slug = "org-" + Suffix();
        var response = await _operator.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "Org " + slug });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return slug;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..12];
}
