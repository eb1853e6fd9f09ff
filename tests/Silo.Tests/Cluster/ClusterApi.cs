using System.Net;
using System.Net.Http.Json;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Silo.Tests.Cluster;

/// <summary>Setting up a process cluster through its portal's API, as callers are told to (503 means come back).</summary>
internal static class ClusterApi
{
    /// <summary>A member organisation of a new consortium, ready to issue <c>laser-2</c> in sandbox.</summary>
    public static async Task<string> IssuingTenantAsync(HttpClient api, SimulatorControls controls)
    {
        var consortium = "fo-" + Guid.NewGuid().ToString("N")[..8];
        var slug = "fo-org-" + Guid.NewGuid().ToString("N")[..8];
        await UntilNot503Async(() => api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Failover Consortium" }));
        await UntilNot503Async(() => api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "Failover University" }));
        await UntilNot503Async(() => api.PutAsJsonAsync($"/api/v1/tenants/{slug}/organisation",
            new { name = "Failover University", rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" }));
        await UntilNot503Async(() => api.PutAsJsonAsync($"/api/v1/tenants/{slug}/templates/laser-2",
            new { title = "Laser Safety Level 2", department = "Radiation Protection Office", validityMonths = 24 }));
        var (clientId, clientSecret) = await controls.RegisterClientAsync("Failover University", $"{api.BaseAddress}t/");
        await UntilNot503Async(() => api.PutAsJsonAsync($"/api/v1/tenants/{slug}/clients/sandbox", new { clientId, clientSecret }));
        return slug;
    }

    /// <summary>Sends again after <c>Retry-After</c> while the answer is 503, as the API asks of its callers (a cold process on a
    /// loaded machine may take longer than the client's response timeout); then it must succeed. The POSTs here are idempotent.</summary>
    public static async Task<HttpResponseMessage> UntilNot503Async(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                return response.EnsureSuccessStatusCode();
            }
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
