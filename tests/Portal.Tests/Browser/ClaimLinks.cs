using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Consortium.Portal.Tests.Browser;

/// <summary>A member organisation ready to issue <c>laser-2</c> in sandbox, and claim links made for it through the REST API
/// as a course platform would.</summary>
public sealed class ClaimLinks(PortalServer portal, HttpClient api, string tenant)
{
    public const string Title = "Laser Safety Level 2";
    public const string CourseName = "Laser Safety for Lab Users";

    public HttpClient Api => api;

    public string Tenant => tenant;

    public static async Task<ClaimLinks> SetUpAsync(PortalServer portal)
    {
        var tenant = "claims-" + Guid.NewGuid().ToString("N")[..8];
        var (api, _) = await portal.SetUpSandboxTenantAsync("cons-" + tenant, tenant, "Laser Lab", Title);
        return new ClaimLinks(portal, api, tenant);
    }

    /// <summary>Posts a claim for <paramref name="externalId"/>, expecting <paramref name="expected"/> (201 new, 200 the same claim).</summary>
    public async Task<JsonElement> CreateAsync(string externalId, string email, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/claims", new
        {
            env = "sandbox", templateId = "laser-2", externalId,
            learner = new { email, givenNames = "Lee", familyNames = "Learner", lmsUserId = "u-" + externalId },
            course = new { id = "LS-101", name = CourseName },
            completedAt = "2026-11-30T14:05:00Z",
        });
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The claim's row in the claims list.</summary>
    public async Task<JsonElement> ListedAsync(string id)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/claims?env=sandbox");
        return Assert.Single(list.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetString() == id);
    }

    /// <summary>Waits until the issuance the claim became is written to ORCID; answers it.</summary>
    public async Task<JsonElement> WaitUntilWrittenAsync(string id)
    {
        JsonElement issuance = default;
        await Infrastructure.IssuingTenant.WaitUntilAsync(async () =>
        {
            using var response = await api.GetAsync($"/api/v1/tenants/{tenant}/issuances/{id}");
            return response.IsSuccessStatusCode
                && (issuance = await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "in-orcid";
        });
        return issuance;
    }

    /// <summary>The qualifications on a sandbox record.</summary>
    public async Task<JsonElement[]> OnRecordAsync(string orcid) =>
        [.. (await portal.GetFromSandboxAsync($"/_sim/records/{orcid}")).GetProperty("qualifications").EnumerateArray()];
}
