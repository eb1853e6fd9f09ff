using System.Net.Http.Json;
using System.Text.Json;
using Consortium.Grains.Billing;

namespace Consortium.Portal.Tests.Billing;

/// <summary>Usage per member organisation and month, counted from real consents and writes to ORCID records: production only.</summary>
public sealed class BillingUsageTests(BillingPortal portal) : IClassFixture<BillingPortal>
{
    [Fact]
    public async Task ResearchersConnectedAndIssuancesWrittenInProductionAreCountedPerMemberAndMonth()
    {
        var (consortium, members) = await portal.CreateConsortiumAsync(2);
        var (busy, quiet) = (members[0], members[1]);
        await portal.SubscribeAsync(consortium);
        await portal.PrepareProductionAsync(busy);
        (await portal.Api.PostAsync($"/api/v1/tenants/{busy}/launch-review/approve", null)).EnsureSuccessStatusCode();

        var first = await portal.ConnectResearcherAsync(busy, "production");
        var second = await portal.ConnectResearcherAsync(busy, "production");
        await portal.IssueWrittenAsync(busy, "production", first);
        await portal.IssueWrittenAsync(busy, "production", first);
        await portal.IssueWrittenAsync(busy, "production", second);
        // Sandbox is never billed.
        var tryingOut = await portal.ConnectResearcherAsync(busy, "sandbox");
        await portal.IssueWrittenAsync(busy, "sandbox", tryingOut);

        var usage = (await portal.BillingAsync(consortium)).GetProperty("usage").EnumerateArray().ToList();
        var month = Assert.Single(usage);
        Assert.Equal(busy, month.GetProperty("tenant").GetString());
        Assert.Equal(UsageMonth.Of(portal.Clock.GetUtcNow()), month.GetProperty("month").GetString());
        Assert.Equal(2, month.GetProperty("researchersConnected").GetInt32());
        Assert.Equal(3, month.GetProperty("issuancesWritten").GetInt32());
        Assert.DoesNotContain(usage, u => u.GetProperty("tenant").GetString() == quiet);
    }
}
