using System.Net;
using System.Net.Sockets;
using Consortium.Portal.Components;
using Consortium.Portal.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>
/// The real portal in embedded mode (co-hosted silo, SQLite file) with a data folder and ports of its own.
/// Two factories given the same data folder are the same installation run twice.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<App>
{
    public string DataDirectory { get; init; } = NewDataDirectory();

    public bool SeedDemoData { get; init; }

    /// <summary>The hosting environment: <c>Testing</c>, or e.g. <c>Development</c> and <c>Production</c> to compare them.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary><c>Orcid:Simulators:Enabled</c>: on, since Testing is not Development and runs them only when told to;
    /// <c>null</c> leaves the setting out.</summary>
    public bool? RunSimulators { get; init; } = true;

    public string OperatorApiKey { get; } = "op-test-" + Guid.NewGuid().ToString("N");

    /// <summary>The key ring's key-encryption key, which a start outside Development needs: one per test run, so two
    /// factories on the same data folder read the same ring.</summary>
    public static string KeyEncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The embedded sandbox simulator of this portal.</summary>
    public Uri OrcidSandbox { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    /// <summary>The embedded production simulator of this portal.</summary>
    public Uri OrcidProduction { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    /// <summary>The embedded Stripe look-alike's address, where billing is configured (<c>Billing:Plans</c> in <see cref="Settings"/>).</summary>
    public Uri Stripe { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    /// <summary>The portal's clock (and its silo's, and the embedded look-alikes'), e.g. a <c>FakeTimeProvider</c> a test advances; null is the system's.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>More configuration, e.g. <c>["Email:Delivery"] = "Smtp"</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>An HTTP client that presents <paramref name="apiKey"/> as its bearer token.</summary>
    public HttpClient CreateApiClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Set when the portal runs on real Kestrel (<see cref="KestrelPortal"/>) at this address.</summary>
    public Uri? KestrelAddress { get; set; }

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser step by step.</summary>
    public HttpClient CreateBrowserClient() => KestrelAddress is { } address
        // On Kestrel the factory's own clients follow redirects whatever they are told.
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address }
        : CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "consortium-tests", $"portal-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Serves the MudBlazor assets from the package, as Development does by itself.
        builder.UseStaticWebAssets();
        builder.UseSetting("Orleans:DataDirectory", DataDirectory);
        builder.UseSetting("Consortium:SeedDemoData", SeedDemoData.ToString());
        builder.UseSetting("Consortium:OperatorApiKey", OperatorApiKey);
        // The test server's own address, unless a test names another.
        builder.UseSetting(PortalAddress.SettingName, "http://localhost/");
        builder.UseSetting("DataProtection:KeyEncryptionKey", KeyEncryptionKey);
        // Tests read the invitations the portal sends from its mailbox folder (TestMailbox), which is for Development
        // only unless allowed, as here; a test that needs SMTP says so.
        builder.UseSetting("Email:Delivery", "Mailbox");
        builder.UseSetting("Email:AllowMailboxOutsideDevelopment", "true");
        // Staff sign in with the ORCID simulator, whose sign-in (like ORCID's) vouches for no email: tests of other things
        // accept invitations at once. InvitationBindingTests turn the check on.
        builder.UseSetting("Invitations:RequireMatchingEmail", "false");
        if (RunSimulators is { } run)
        {
            builder.UseSetting("Orcid:Simulators:Enabled", run.ToString());
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString());
        builder.UseSetting("Orcid:Simulators:SandboxUrl", OrcidSandbox.AbsoluteUri.TrimEnd('/'));
        builder.UseSetting("Orcid:Simulators:ProductionUrl", OrcidProduction.AbsoluteUri.TrimEnd('/'));
        builder.UseSetting("Billing:Stripe:Simulator:Url", Stripe.AbsoluteUri.TrimEnd('/'));
        builder.UseSetting("Orcid:Simulators:WebhookBatchInterval", "00:00:00.500");
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }
}
