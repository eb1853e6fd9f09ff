namespace Consortium.Portal.Tests.Browser;

/// <summary>A browser test against a portal of its own (fresh data, its own simulators), started per test.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Browser { get; } = browser;

    protected PortalServer Portal { get; private set; } = null!;

    /// <summary>More configuration for this class's portals.</summary>
    protected virtual IReadOnlyDictionary<string, string>? PortalSettings => null;

    public Task InitializeAsync()
    {
        Portal = new PortalServer(PortalSettings);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Portal.DisposeAsync().AsTask();
}
