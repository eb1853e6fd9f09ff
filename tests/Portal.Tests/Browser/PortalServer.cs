using Consortium.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Consortium.Portal.Tests.Browser;

/// <summary>The embedded portal on real Kestrel, for a real browser.</summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly PortalFactory _factory;
    private readonly List<IBrowserContext> _contexts = [];

    public PortalServer()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{PortalFactory.FreePort()}");
        // The sandbox simulator registers the portal's sign-in redirect for this address.
        _factory = new PortalFactory { Settings = { ["Orcid:Simulators:PortalUrls"] = BaseAddress.ToString().TrimEnd('/') } };
        _factory.UseKestrel(BaseAddress.Port);
        _factory.StartServer();
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Opens a page and waits until its Blazor circuit is interactive, so clicks are not lost.</summary>
    public async Task<IPage> OpenAsync(IBrowser browser, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        // Close the circuits first: the silo's graceful stop would otherwise wait on them.
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        await _factory.DisposeAsync();
    }
}
