using System.Net;
using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Tests.Hosting;

/// <summary>What a start outside embedded Development needs, and that a Production portal never trusts an ORCID simulator.</summary>
public sealed class StartupConfigurationTests
{
    /// <summary>Production's sign-in and ORCID as a real installation has them (ORCID's own hosts, never called here).</summary>
    private static Dictionary<string, string> RealOrcidSignIn() => new()
    {
        ["Staff:Oidc:Authority"] = "https://orcid.org",
        ["Staff:Oidc:ClientId"] = "APP-STARTUPTESTS001",
        ["Staff:Oidc:ClientSecret"] = "not-used-by-these-tests",
    };

    [Fact]
    public async Task AClientModePortalWithoutSignInOrOrcidEndpointsRefusesNamingEveryMissingSetting()
    {
        await using var portal = new PortalFactory
        {
            EnvironmentName = "Production",
            RunSimulators = null,
            Settings = new()
            {
                ["Orleans:Mode"] = "Client",
                // Never reached: the start refuses before the client connects.
                ["ConnectionStrings:Consortium"] = "Host=127.0.0.1;Port=9;Username=nobody;Database=nothing",
                ["Consortium:OperatorApiKey"] = "",
                ["Consortium:PublicBaseUrl"] = "",
            },
        };

        var refused = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Equal(
        [
            "Consortium:PublicBaseUrl", "Orcid:Sandbox:OAuthUrl", "Orcid:Sandbox:MemberApiUrl", "Orcid:Sandbox:PublicApiUrl",
            "Orcid:Production:OAuthUrl", "Orcid:Production:MemberApiUrl", "Orcid:Production:PublicApiUrl",
            "Consortium:OperatorApiKey", "Staff:Oidc:Authority", "Staff:Oidc:ClientId", "Staff:Oidc:ClientSecret",
        ], refused.Failures.Select(failure => failure[..failure.IndexOf(" is not set", StringComparison.Ordinal)]));
        Assert.Contains("Orcid:Sandbox:OAuthUrl is not set: ORCID's own is https://sandbox.orcid.org/", refused.Message);
        Assert.Contains("Staff:Oidc:Authority is not set", refused.Message);
    }

    [Fact]
    public async Task ProductionWithTheSimulatorsEnabledRefuses()
    {
        await using var portal = new PortalFactory { EnvironmentName = "Production", RunSimulators = true, Settings = RealOrcidSignIn() };

        var refused = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.StartsWith("Orcid:Simulators:Enabled is true in Production", refused.Message);
    }

    [Fact]
    public async Task ProductionWithOrcidEndpointsAtASimulatorRefusesNamingThem()
    {
        var settings = RealOrcidSignIn();
        settings["Orcid:Sandbox:OAuthUrl"] = "http://localhost:5081";
        settings["Orcid:Production:MemberApiUrl"] = "https://orcid-simulator.example.org/v3.0";
        await using var portal = new PortalFactory { EnvironmentName = "Production", RunSimulators = null, Settings = settings };

        var refused = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Equal(
        [
            "Orcid:Sandbox:OAuthUrl is http://localhost:5081/, which is not ORCID: in Production the portal and its silos talk to ORCID itself (https on orcid.org and its subdomains), never to a simulator.",
            "Orcid:Production:MemberApiUrl is https://orcid-simulator.example.org/v3.0, which is not ORCID: in Production the portal and its silos talk to ORCID itself (https on orcid.org and its subdomains), never to a simulator.",
        ], refused.Failures);
    }

    [Fact]
    public async Task ProductionWithTheStripeLookAlikeEnabledRefuses()
    {
        var settings = RealOrcidSignIn();
        settings["Billing:Stripe:Simulator:Enabled"] = "true";
        await using var portal = new PortalFactory { EnvironmentName = "Production", RunSimulators = null, Settings = settings };

        var refused = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.StartsWith("Billing:Stripe:Simulator:Enabled is true in Production", refused.Message);
    }

    [Fact]
    public async Task ProductionWithBillingAtAnotherApiThanStripesRefuses()
    {
        var settings = RealOrcidSignIn();
        settings["Billing:Plans:annual:Currency"] = "nzd";
        settings["Billing:Plans:annual:Tiers:small"] = "1";
        settings["Billing:Plans:annual:Tiers:standard"] = "2";
        settings["Billing:Plans:annual:Tiers:large"] = "3";
        settings["Billing:Stripe:SecretKey"] = "sk_test_startup";
        settings["Billing:Stripe:WebhookSecret"] = "whsec_startup";
        settings["Billing:Stripe:ApiBase"] = "http://localhost:5083";
        await using var portal = new PortalFactory { EnvironmentName = "Production", RunSimulators = null, Settings = settings };

        var refused = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Equal(
            "In Production billing talks to Stripe itself: Billing:Stripe:SecretKey must be a Stripe key (sk_live_ or sk_test_) and Billing:Stripe:ApiBase unset, never the Stripe look-alike.",
            Assert.Single(refused.Failures));
    }

    [Fact]
    public async Task ProductionWithStaffSignInAtASimulatorRefuses()
    {
        var settings = RealOrcidSignIn();
        settings["Staff:Oidc:Authority"] = "http://127.0.0.1:5081";
        await using var portal = new PortalFactory { EnvironmentName = "Production", RunSimulators = null, Settings = settings };

        var refused = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.StartsWith("Staff:Oidc:Authority is http://127.0.0.1:5081: in Production staff sign in at a provider over https", Assert.Single(refused.Failures));
    }

    [Fact]
    public async Task DevelopmentStartsTheSimulatorsAndSignsStaffInThere()
    {
        await using var portal = new PortalFactory { EnvironmentName = "Development", RunSimulators = null };
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        var signIn = await client.GetAsync("/signin");
        using var simulator = new HttpClient();
        var discovery = await simulator.GetAsync(new Uri(portal.OrcidSandbox, "/.well-known/openid-configuration"));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith($"{portal.OrcidSandbox.AbsoluteUri}oauth/authorize?", signIn.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }

    [Fact]
    public async Task TestingWithoutBeingToldRunsNoSimulatorAndSaysSignInIsMissing()
    {
        await using var portal = new PortalFactory { RunSimulators = null };

        var refused = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Equal(["Staff:Oidc:Authority is not set", "Staff:Oidc:ClientId is not set", "Staff:Oidc:ClientSecret is not set"],
            refused.Failures.Select(failure => failure[..failure.IndexOf(':', failure.IndexOf(" is not set", StringComparison.Ordinal))]));
    }
}
