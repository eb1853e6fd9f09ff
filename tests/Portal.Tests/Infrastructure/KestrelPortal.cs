using Consortium.Portal.Hosting;

namespace Consortium.Portal.Tests.Infrastructure;

/// <summary>The portal on real Kestrel at a loopback port, its public address that port: what it publishes (keys, status lists)
/// is fetched over real HTTP, as a stranger's verifier would, and its badge verifier may reach loopback.</summary>
public sealed class KestrelPortal : IAsyncLifetime
{
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public PortalFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new PortalFactory
        {
            Settings =
            {
                [PortalAddress.SettingName] = BaseAddress.ToString(),
                ["Badges:Verifier:AllowPrivateNetworks"] = "true",
            },
        };
        Factory.UseKestrel(BaseAddress.Port);
        Factory.ClientOptions.BaseAddress = BaseAddress;
        Factory.KestrelAddress = BaseAddress;
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
