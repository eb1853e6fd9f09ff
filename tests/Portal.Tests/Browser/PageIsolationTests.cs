using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Consortium.Portal.Components;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>
/// Every page with a consortium or organisation in its address, found from the portal's own routes: a member
/// admin of one organisation, signed in through ORCID, sees another's page exactly as a page that does not exist.
/// </summary>
public sealed class PageIsolationTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AnAdminOfOneOrganisationReachesNoOtherOrganisationOrConsortiumPage()
    {
        var api = Portal.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = "iso-consortium", name = "Isolation Consortium" })).EnsureSuccessStatusCode();
        foreach (var slug in new[] { "mine-org", "their-org" })
        {
            (await api.PostAsJsonAsync("/api/v1/consortia/iso-consortium/tenants", new { slug, name = slug })).EnsureSuccessStatusCode();
        }
        var admin = await Portal.CreateResearcherAsync("Iso", "Admin", "iso@example.org");
        var page = await Portal.OpenAsync(Browser.Browser, "/");
        await Portal.SignInAsync(page, admin.Orcid);
        (await api.PostAsJsonAsync("/api/v1/tenants/mine-org/invitations", new { email = "iso@example.org" })).EnsureSuccessStatusCode();
        var body = await TestMailbox.BodyAsync(Portal.Services, "You are invited to administer mine-org on Consortium");
        await page.GotoAsync(new Uri(Regex.Match(body, "http\\S+/invitations/\\S+").Value).PathAndQuery);
        await Assertions.Expect(page.GetByTestId("invitation-accepted")).ToBeVisibleAsync();

        var routes = typeof(App).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .Where(template => template.Contains("{Slug}", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(["/consortia/{Slug}", "/tenants/{Slug}", "/tenants/{Slug}/{Section:nonfile}"], routes.Order());

        // Their own organisation's page works, which shows the sign-in and role are real.
        await page.GotoAsync("/tenants/mine-org");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "mine-org" })).ToBeVisibleAsync();
        foreach (var route in routes)
        {
            foreach (var other in new[] { "their-org", "iso-consortium", "no-such-thing" })
            {
                await page.GotoAsync(route.Replace("{Slug}", other).Replace("{Section:nonfile}", "issuing"));
                await Assertions.Expect(page.GetByText("There is nothing at this address")).ToBeVisibleAsync();
            }
        }

        // Files too: a batch's result CSV is served to its own organisation's admins only.
        var batches = new Dictionary<string, string>();
        foreach (var slug in new[] { "mine-org", "their-org" })
        {
            using var csv = new StringContent("template,external_id,orcid\nnone,x-1,0000-0002-1825-0097\n", System.Text.Encoding.UTF8, "text/csv");
            var applied = await (await api.PostAsync($"/api/v1/tenants/{slug}/batches?env=sandbox&dryRun=false", csv)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            batches[slug] = applied.GetProperty("batchId").GetString()!;
        }
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)(await page.APIRequest.GetAsync($"/tenants/mine-org/batches/{batches["mine-org"]}/result.csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)(await page.APIRequest.GetAsync($"/tenants/their-org/batches/{batches["their-org"]}/result.csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)(await page.APIRequest.GetAsync($"/tenants/mine-org/batches/{batches["their-org"]}/result.csv")).Status);
    }
}
