using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Security;

/// <summary>
/// Issue #11, item 6: anonymous routes are limited per client IP (behind the proxy: X-Forwarded-For), the API per key and,
/// without a valid key, per IP; past the limit 429 problem details with Retry-After, and nothing of the request is done.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Limit = 5;

    // A window no test outlives: the counts cannot reset halfway.
    private readonly PortalServer _portal = new(new Dictionary<string, string>
    {
        ["RateLimits:Anonymous:PermitLimit"] = Limit.ToString(),
        ["RateLimits:Anonymous:Window"] = "01:00:00",
        ["RateLimits:Api:PermitLimit"] = "20",
        ["RateLimits:Api:Window"] = "01:00:00",
    });

    [Fact]
    public async Task ConnectsPastTheLimitAnswer429AndStoreNoOAuthStateWhileAnotherClientIsUnaffected()
    {
        var tenant = await CreateTenantWithSandboxClientAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _portal.BaseAddress };

        var allowed = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit; i++)
        {
            allowed.Add(await ConnectAsync(http, tenant, "203.0.113.10"));
        }
        var statesBefore = await ConsentRequestsAsync();
        var refused = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            refused.Add(await ConnectAsync(http, tenant, "203.0.113.10"));
        }
        var statesAfter = await ConsentRequestsAsync();
        var otherClient = await ConnectAsync(http, tenant, "203.0.113.11");

        Assert.All(allowed, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        Assert.All(refused, response => Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode));
        await AssertTooManyRequestsAsync(refused[0]);
        Assert.Equal(statesBefore, statesAfter);
        Assert.Equal(HttpStatusCode.Redirect, otherClient.StatusCode);
    }

    [Fact]
    public async Task EachAnonymousRouteCountsPerClientIp()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _portal.BaseAddress };
        string[] routes = ["/t/nowhere?env=sandbox", "/t/nowhere/certificates/sandbox.1", "/t/nowhere/orcid/callback", "/invitations/x"];

        var statuses = new List<HttpStatusCode>();
        foreach (var route in routes.Concat(["/webhooks/orcid/x", "/t/nowhere"]))
        {
            statuses.Add((await SendAsync(http, route.StartsWith("/webhooks") ? HttpMethod.Post : HttpMethod.Get, route, "203.0.113.20")).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..Limit]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[Limit]);
        var staffPage = await SendAsync(http, HttpMethod.Get, "/", "203.0.113.20");
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
    }

    [Fact]
    public async Task AnApiKeyPastItsLimitAnswers429WhileAnotherKeyIsUnaffected()
    {
        using var operatorApi = _portal.CreateApiClient();
        var tenant = await _portal.CreateTenantAsync();
        var created = await (await operatorApi.PostAsJsonAsync($"/api/v1/tenants/{tenant}/api-keys", new { name = "busy" })).Content.ReadFromJsonAsync<JsonElement>();
        using var busy = new HttpClient { BaseAddress = _portal.BaseAddress };
        busy.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("key").GetString());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await busy.GetAsync($"/api/v1/tenants/{tenant}")).StatusCode);
        }
        var operatorAfter = await operatorApi.GetAsync($"/api/v1/tenants/{tenant}");

        Assert.All(statuses[..20], status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
        await AssertTooManyRequestsAsync(await busy.GetAsync($"/api/v1/tenants/{tenant}"));
        Assert.Equal(HttpStatusCode.OK, operatorAfter.StatusCode);
    }

    [Fact]
    public async Task GuessingApiKeysIsLimitedPerClientIpSoEvenTheRightKeyIsRefusedAfterwards()
    {
        using var operatorApi = _portal.CreateApiClient();
        var tenant = await _portal.CreateTenantAsync();
        var created = await (await operatorApi.PostAsJsonAsync($"/api/v1/tenants/{tenant}/api-keys", new { name = "target" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        using var http = new HttpClient { BaseAddress = _portal.BaseAddress };

        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit; i++)
        {
            guesses.Add(await SendAsync(http, HttpMethod.Get, $"/api/v1/tenants/{tenant}", "203.0.113.30", bearer: key[..^1] + (key[^1] == '0' ? '1' : '0')));
        }
        var rightKeyFromTheGuesser = await SendAsync(http, HttpMethod.Get, $"/api/v1/tenants/{tenant}", "203.0.113.30", bearer: key);
        var rightKeyElsewhere = await SendAsync(http, HttpMethod.Get, $"/api/v1/tenants/{tenant}", "203.0.113.31", bearer: key);

        Assert.All(guesses, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        await AssertTooManyRequestsAsync(rightKeyFromTheGuesser);
        Assert.Equal(HttpStatusCode.OK, rightKeyElsewhere.StatusCode);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    private static Task<HttpResponseMessage> ConnectAsync(HttpClient http, string tenant, string clientIp) =>
        SendAsync(http, HttpMethod.Get, $"/t/{tenant}/connect?env=sandbox", clientIp);

    /// <summary>A request as the TLS proxy on this machine forwards it for <paramref name="clientIp"/>.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string clientIp, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", clientIp);
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>OAuth states held by the silo: one consent request grain each.</summary>
    private async Task<int> ConsentRequestsAsync()
    {
        var management = _portal.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(grain => grain.GrainType.Contains("ConsentRequest", StringComparison.Ordinal)).Sum(grain => grain.ActivationCount);
    }

    private async Task<string> CreateTenantWithSandboxClientAsync()
    {
        using var api = _portal.CreateApiClient();
        var tenant = await _portal.CreateTenantAsync();
        var (clientId, clientSecret) = await _portal.RegisterSandboxClientAsync("Limited University");
        (await api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        return tenant;
    }


    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _portal.DisposeAsync().AsTask();
}
