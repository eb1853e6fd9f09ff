using Consortium.Portal.Tests.Browser;

namespace Consortium.Portal.Tests.Security;

/// <summary>One portal on real Kestrel shared by a test class (its tests run one after another).</summary>
public sealed class PortalServerFixture : IAsyncLifetime
{
    public PortalServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new PortalServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
