using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Portal.Tests.Api;

/// <summary>
/// Every API endpoint, found from the portal's own route table so a new endpoint is covered the day it is
/// added: a tenant's key reaches nothing of another tenant's, and nothing of the consortium's.
/// </summary>
public sealed class TenantIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ATenantKeyReachesNoOtherTenantOnAnyEndpoint()
    {
        var operatorApi = portal.CreateApiClient(portal.OperatorApiKey);
        var consortium = $"iso-{Guid.NewGuid():N}"[..20];
        (await operatorApi.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Isolation" })).EnsureSuccessStatusCode();
        var mine = await CreateTenantAsync(operatorApi, consortium);
        var theirs = await CreateTenantAsync(operatorApi, consortium);
        var theirKey = await CreateKeyAsync(operatorApi, theirs);
        var myApi = portal.CreateApiClient((await CreateKeyAsync(operatorApi, mine)).Key);

        var endpoints = ApiEndpoints();
        Assert.NotEmpty(endpoints);
        var leaks = new List<string>();
        foreach (var (method, pattern, contentType) in endpoints)
        {
            var path = pattern.Replace("{tenant}", theirs).Replace("{tenantSlug}", theirs).Replace("{consortium}", consortium).Replace("{id}", theirKey.Id).Replace("{env}", "sandbox");
            var response = await myApi.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = BodyFor(method, contentType) });
            var expected = pattern.StartsWith("/api/v1/tenants/{tenant}", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected)
            {
                leaks.Add($"{method} {pattern}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }

        Assert.Empty(leaks);
        // Their key still works, so nothing above revoked it on the way.
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateApiClient(theirKey.Key).GetAsync($"/api/v1/tenants/{theirs}")).StatusCode);
    }

    /// <summary>A well-formed body of the kind the endpoint takes, so the request reaches the tenant check.</summary>
    private static HttpContent? BodyFor(string method, string? contentType) => (method, contentType) switch
    {
        ("POST" or "PUT", "image/png") => new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { Headers = { ContentType = new("image/png") } },
        ("POST" or "PUT", _) => JsonContent.Create(new { name = "x", email = "x@example.org", slug = "leak-test" }),
        _ => null,
    };

    private List<(string Method, string Pattern, string? ContentType)> ApiEndpoints() =>
        [.. portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, endpoint.RoutePattern.RawText!.TrimEnd('/'),
                    endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault())))];

    private static async Task<string> CreateTenantAsync(HttpClient operatorApi, string consortium)
    {
        var slug = $"org-{Guid.NewGuid():N}"[..20];
        (await operatorApi.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = slug })).EnsureSuccessStatusCode();
        return slug;
    }

    private static async Task<(string Id, string Key)> CreateKeyAsync(HttpClient operatorApi, string tenant)
    {
        var created = await (await operatorApi.PostAsJsonAsync($"/api/v1/tenants/{tenant}/api-keys", new { name = "isolation" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }
}
