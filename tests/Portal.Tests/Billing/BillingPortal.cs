using System.Net.Http.Json;
using System.Text.Json;
using Consortium.OrcidSimulator.Controls;
using Consortium.Portal.Hosting;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Consortium.Portal.Tests.Billing;

/// <summary>
/// The portal on real Kestrel with billing configured and the Stripe look-alike beside it, so the look-alike's webhooks reach
/// the portal over real HTTP. The portal, its silo and the look-alike share a <see cref="ShiftedClock"/> that a test advances
/// (to the end of the grace days, past a month's end) instead of waiting.
/// </summary>
public sealed class BillingPortal : IAsyncLifetime
{
    public const string Plan = "consortium-annual";

    /// <summary>A plan whose members each have one researcher and one issuance a month included, the rest metered.</summary>
    public const string MeteredPlan = "consortium-metered";

    public const string MeterEventName = "consortium_overage";
    public const string WebhookSecret = "whsec_billing_tests";
    public const int GraceDays = 14;

    /// <summary>The billing worker's round, short so a test sees it run.</summary>
    public static readonly TimeSpan WorkInterval = TimeSpan.FromSeconds(1);

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public PortalFactory Factory { get; private set; } = null!;

    /// <summary>Now, for the portal and the look-alike: real time, moved on by what the tests advanced it.</summary>
    public ShiftedClock Clock { get; } = new();

    public HttpClient Api { get; private set; } = null!;

    public HttpClient Stripe { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new PortalFactory
        {
            Clock = Clock,
            Settings =
            {
                [PortalAddress.SettingName] = BaseAddress.ToString(),
                ["Billing:Stripe:Simulator:Enabled"] = "true",
                ["Billing:Stripe:WebhookSecret"] = WebhookSecret,
                ["Billing:GraceDays"] = GraceDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Billing:Plans:{Plan}:Name"] = "Consortium annual",
                [$"Billing:Plans:{Plan}:Currency"] = "nzd",
                [$"Billing:Plans:{Plan}:ConsortiumFee"] = "1000",
                [$"Billing:Plans:{Plan}:Tiers:small"] = "500",
                [$"Billing:Plans:{Plan}:Tiers:standard"] = "1200",
                [$"Billing:Plans:{Plan}:Tiers:large"] = "3000",
                [$"Billing:Plans:{MeteredPlan}:Name"] = "Consortium metered",
                [$"Billing:Plans:{MeteredPlan}:Currency"] = "nzd",
                [$"Billing:Plans:{MeteredPlan}:Tiers:small"] = "400",
                [$"Billing:Plans:{MeteredPlan}:Tiers:standard"] = "900",
                [$"Billing:Plans:{MeteredPlan}:Tiers:large"] = "2000",
                [$"Billing:Plans:{MeteredPlan}:IncludedResearchers"] = "1",
                [$"Billing:Plans:{MeteredPlan}:IncludedIssuances"] = "1",
                [$"Billing:Plans:{MeteredPlan}:OveragePrice"] = "2.50",
                [$"Billing:Plans:{MeteredPlan}:MeterEventName"] = MeterEventName,
                ["Billing:WorkInterval"] = WorkInterval.ToString(),
            },
        };
        Factory.UseKestrel(BaseAddress.Port);
        Factory.StartServer();
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Authorization = new("Bearer", Factory.OperatorApiKey);
        Stripe = new HttpClient { BaseAddress = Factory.Stripe };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Stripe.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>A new consortium with the given member organisations (slugs made unique); answers its slug and theirs.</summary>
    public async Task<(string Consortium, string[] Members)> CreateConsortiumAsync(int members)
    {
        var consortium = "bill-" + Guid.NewGuid().ToString("N")[..8];
        (await Api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Billing Consortium" })).EnsureSuccessStatusCode();
        var slugs = new string[members];
        for (var i = 0; i < members; i++)
        {
            slugs[i] = await AddMemberAsync(consortium);
        }
        return (consortium, slugs);
    }

    public async Task<string> AddMemberAsync(string consortium)
    {
        var slug = consortium + "-m" + Guid.NewGuid().ToString("N")[..6];
        (await Api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "Member " + slug })).EnsureSuccessStatusCode();
        return slug;
    }

    /// <summary>Checkout, paid at the look-alike: answers the subscription's id once its webhooks were delivered.</summary>
    public async Task<string> SubscribeAsync(string consortium, string plan = Plan)
    {
        var checkout = await (await Api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/billing/checkout", new { plan })).ReadJsonAsync();
        (await Stripe.PostAsync($"/_sim/checkout/{checkout.GetProperty("sessionId").GetString()}/complete", null)).EnsureSuccessStatusCode();
        return (await BillingAsync(consortium)).GetProperty("subscriptionId").GetString()!;
    }

    public async Task<JsonElement> BillingAsync(string consortium) => await Api.GetFromJsonAsync<JsonElement>($"/api/v1/consortia/{consortium}/billing");

    public async Task<JsonElement[]> ControlAsync(string path)
    {
        var answer = await Stripe.PostAsync(path, null);
        answer.EnsureSuccessStatusCode();
        return [.. (await answer.ReadJsonAsync()).EnumerateArray()];
    }

    public async Task<JsonElement[]> EventsAsync() => [.. (await Stripe.GetFromJsonAsync<JsonElement>("/_sim/events")).EnumerateArray()];

    public async Task<string[]> AuditActionsAsync(string consortium) =>
        [.. (await Api.GetFromJsonAsync<JsonElement>($"/api/v1/consortia/{consortium}/audit?action=billing.&pageSize=200"))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];

    /// <summary>Makes <paramref name="tenant"/> ready for production: organisation, template, a production client validated by the
    /// production simulator. The launch approval is the caller's, as billing decides it.</summary>
    public async Task PrepareProductionAsync(string tenant)
    {
        (await Api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/organisation",
            new { name = "Member University", rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await Api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/templates/{IssuingTenant.TemplateId}",
            new { title = "Laser Safety Level 2", department = "Radiation Protection Office", validityMonths = 24 })).EnsureSuccessStatusCode();
        foreach (var (environment, simulator) in new[] { ("sandbox", Factory.OrcidSandbox), ("production", Factory.OrcidProduction) })
        {
            using var controls = new SimulatorControls(simulator);
            var (clientId, clientSecret) = await controls.RegisterClientAsync("Member University", $"{BaseAddress}t/");
            (await Api.PutAsJsonAsync($"/api/v1/tenants/{tenant}/clients/{environment}", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>A new researcher connects to <paramref name="tenant"/> through its researcher page and the simulator's authorize page.</summary>
    public async Task<string> ConnectResearcherAsync(string tenant, string environment)
    {
        using var controls = new SimulatorControls(environment == "production" ? Factory.OrcidProduction : Factory.OrcidSandbox);
        var orcid = (await controls.CreateResearcherAsync("Ada", "Lovelace", $"{Guid.NewGuid():N}@example.org")).Orcid;
        await controls.DecideNextConsentAsync(orcid, authorize: true);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };
        using var orcidSite = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var toOrcid = await browser.GetAsync($"/t/{tenant}/connect?env={environment}");
        var back = await orcidSite.GetAsync(toOrcid.Headers.Location);
        var landed = await browser.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.EndsWith("outcome=connected", landed.Headers.Location?.OriginalString);
        return Consortium.Orcid.OrcidId.Parse(orcid).Value;
    }

    /// <summary>Issues to a connected researcher and waits until it is on their record.</summary>
    public async Task IssueWrittenAsync(string tenant, string environment, string orcid)
    {
        var externalId = "cert-" + Guid.NewGuid().ToString("N")[..10];
        (await Api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances", new { env = environment, templateId = IssuingTenant.TemplateId, orcid, externalId }))
            .EnsureSuccessStatusCode();
        await IssuingTenant.WaitUntilAsync(async () => (await Api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/issuances/{environment}.{externalId}"))
            .GetProperty("status").GetString() == "in-orcid");
    }

    public Task<HttpResponseMessage> IssueAsync(string tenant, string environment) =>
        Api.PostAsJsonAsync($"/api/v1/tenants/{tenant}/issuances", new
        {
            env = environment, templateId = IssuingTenant.TemplateId, email = $"{Guid.NewGuid():N}@example.org", externalId = "cert-" + Guid.NewGuid().ToString("N")[..10],
        });
}

public static class JsonAnswers
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
