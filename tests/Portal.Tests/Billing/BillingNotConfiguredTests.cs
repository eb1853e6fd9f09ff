using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests.Billing;

/// <summary>A portal without <c>Billing:Plans</c>: billing says so, and closes nothing.</summary>
public sealed class BillingNotConfiguredTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task WithoutPlansBillingIsNotConfiguredAndProductionOpensWithTheLaunchApproval()
    {
        using var api = _portal.CreateApiClient(_portal.OperatorApiKey);
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "free", name = "Free Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/consortia/free/tenants", new { slug = "free-uni", name = "Free University" })).EnsureSuccessStatusCode();

        var billing = await api.GetFromJsonAsync<JsonElement>("/api/v1/consortia/free/billing");
        Assert.False(billing.GetProperty("configured").GetBoolean());
        Assert.Equal("none", billing.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/tenants/free-uni/launch-review/approve", null)).StatusCode);
        var checkout = await api.PostAsJsonAsync("/api/v1/consortia/free/billing/checkout", new { plan = "consortium-annual" });
        Assert.Equal(HttpStatusCode.Conflict, checkout.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/webhooks/stripe", new StringContent("{}"))).StatusCode);
    }

    public void Dispose() => _portal.Dispose();
}
