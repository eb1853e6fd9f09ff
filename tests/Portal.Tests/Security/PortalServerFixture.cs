using Consortium.Portal.Hosting;
using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>One portal on real Kestrel shared by a test class (its tests run one after another).</summary>
public sealed class PortalServerFixture : IAsyncLifetime
{
    public PortalServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // portal.example is the public name a TLS proxy forwards (HSTS is never sent to a loopback host).
        Server = new PortalServer(new Dictionary<string, string> { [AllowedHostsSetup.SettingName] = "127.0.0.1;portal.example" });
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
