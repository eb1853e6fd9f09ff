using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Security;

/// <summary>
/// Issue #11, item 11: every request the API cannot take answers a 4xx with problem details (naming the field where there
/// is one), in Development as in Production; item 12: a POST to an unknown page is a 404.
/// </summary>
public sealed class ErrorContractTests(ErrorContractTests.Portals portals) : IClassFixture<ErrorContractTests.Portals>
{
    private const string Tenant = "errors-org";
    private const string Json = "application/json";

    /// <summary>(method, path under the tenant or absolute, body, content type, status, field).</summary>
    public static TheoryData<string, string, string, string, string?, int, string?> Corpus()
    {
        var data = new TheoryData<string, string, string, string, string?, int, string?>();
        foreach (var environment in new[] { "Development", "Production" })
        {
            void Add(string method, string path, string? body, string? contentType, int status, string? field) =>
                data.Add(environment, method, path, body ?? "", contentType, status, field);
            Add("POST", "/api/v1/consortia", "{\"slug\": ", Json, 400, "slug");
            Add("POST", "/api/v1/consortia", "{", Json, 400, "body");
            Add("POST", "/api/v1/consortia", "{\"slug\": 5, \"name\": \"X\"}", Json, 400, "slug");
            Add("POST", "/api/v1/consortia", "", Json, 400, "body");
            Add("POST", "/api/v1/consortia", "null", Json, 400, "body");
            Add("POST", "/api/v1/consortia", "slug=x", "text/plain", 415, null);
            Add("POST", $"/api/v1/tenants/{Tenant}/issuances", "{\"env\": \"sandbox\", \"startDate\": \"not-a-date\"}", Json, 400, "startDate");
            Add("POST", $"/api/v1/tenants/{Tenant}/issuances", "[1, 2]", Json, 400, "body");
            Add("PUT", $"/api/v1/tenants/{Tenant}/branding", "{\"primaryColour\": []}", Json, 400, "primaryColour");
            Add("PUT", $"/api/v1/tenants/{Tenant}/organisation", "{\"name\": {\"a\": 1}}", Json, 400, "name");
            Add("PUT", $"/api/v1/tenants/{Tenant}/trust-rules/r1", "{\"trust\": \"yes\"}", Json, 400, "trust");
            Add("POST", $"/api/v1/tenants/{Tenant}/verifications", "{\"env\": \"sandbox\", \"orcid\": 123}", Json, 400, "orcid");
            Add("POST", $"/api/v1/tenants/{Tenant}/invitations", "{\"email\": true}", Json, 400, "email");
            Add("PUT", $"/api/v1/tenants/{Tenant}/clients/sandbox", "{\"clientId\": 1}", Json, 400, "clientId");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=sandbox&skip=abc", null, null, 400, "skip");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=sandbox&take=many", null, null, 400, "take");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=sandbox&take=0", null, null, 422, "take");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=sandbox&skip=-1", null, null, 422, "skip");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=sandbox&take=5000", null, null, 422, "take");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=sandbox&sort=sideways", null, null, 422, "sort");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=sandbox&from=yesterday", null, null, 400, "from");
            Add("GET", $"/api/v1/tenants/{Tenant}/researchers?env=sandbox&take=0", null, null, 422, "take");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances", null, null, 400, "env");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=", null, null, 422, "env");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuances?env=moon", null, null, 422, "env");
            Add("GET", $"/api/v1/tenants/{Tenant}/issuing/summary?env=", null, null, 422, "env");
            Add("GET", $"/api/v1/tenants/{Tenant}/researchers?env=", null, null, 422, "env");
            Add("GET", $"/api/v1/tenants/{Tenant}/audit?pageSize=-1", null, null, 422, "pageSize");
            Add("GET", $"/api/v1/tenants/{Tenant}/audit?page=0", null, null, 422, "page");
            Add("GET", $"/api/v1/tenants/{Tenant}/audit?page=first", null, null, 400, "page");
            Add("GET", "/api/v1/consortia/errors-cons/audit?pageSize=0", null, null, 422, "pageSize");
            Add("GET", $"/api/v1/tenants/{Tenant}/trust-rules/r1?version=latest", null, null, 400, "version");
            Add("GET", "/api/v1/no-such-thing", null, null, 404, null);
            Add("DELETE", "/api/v1/consortia", null, null, 405, null);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task ARequestTheApiCannotTakeAnswersA4xxProblemNamingTheField(
        string environment, string method, string path, string body, string? contentType, int status, string? field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        var response = await portals.Api(environment).SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task AnUnauthenticatedCallAnswers401WithABearerChallengeAndAProblem(string environment)
    {
        var anonymous = await portals.Factory(environment).CreateClient().GetAsync("/api/v1/consortia/errors-cons/tenants");
        var wrongKey = await portals.Factory(environment).CreateApiClient("op-wrong").GetAsync("/api/v1/consortia/errors-cons/tenants");

        foreach (var response in new[] { anonymous, wrongKey })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task APostToAnUnknownPageAnswers404NotAnAntiforgeryFailure(string environment)
    {
        var client = portals.Factory(environment).CreateClient();

        var unknown = await client.PostAsync("/no/such/page", new FormUrlEncodedContent([new("x", "1")]));
        var unknownUnderTenant = await client.PostAsync($"/t/{Tenant}/no-such-page", new StringContent(""));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownUnderTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no/such/page")).StatusCode);
    }

    /// <summary>The portal in Development and in Production, each with the member organisation the corpus names.</summary>
    public sealed class Portals : IAsyncLifetime
    {
        private readonly Dictionary<string, PortalFactory> _factories = new()
        {
            ["Development"] = new PortalFactory { EnvironmentName = "Development" },
            // Production never runs the simulators: real ORCID's hosts (which these tests never call) and an https sign-in provider.
            ["Production"] = new PortalFactory
            {
                EnvironmentName = "Production",
                RunSimulators = null,
                Settings = new()
                {
                    ["Staff:Oidc:Authority"] = "https://orcid.org",
                    ["Staff:Oidc:ClientId"] = "APP-ERRORCONTRACT01",
                    ["Staff:Oidc:ClientSecret"] = "not-used-by-these-tests",
                },
            },
        };
        private readonly Dictionary<string, HttpClient> _operators = [];

        public PortalFactory Factory(string environment) => _factories[environment];

        public HttpClient Api(string environment) => _operators[environment];

        public async Task InitializeAsync()
        {
            foreach (var (environment, factory) in _factories)
            {
                var api = factory.CreateApiClient(factory.OperatorApiKey);
                (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "errors-cons", name = "Errors Consortium" })).EnsureSuccessStatusCode();
                (await api.PostAsJsonAsync("/api/v1/consortia/errors-cons/tenants", new { slug = Tenant, name = "Errors University" })).EnsureSuccessStatusCode();
                _operators[environment] = api;
            }
        }

        public async Task DisposeAsync()
        {
            foreach (var factory in _factories.Values)
            {
                await factory.DisposeAsync();
            }
        }
    }
}
