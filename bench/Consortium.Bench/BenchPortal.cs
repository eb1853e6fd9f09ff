using Consortium.Portal.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Consortium.Bench;

/// <summary>The real portal in this process (embedded: co-hosted silo, SQLite, the embedded ORCID simulators), as a benchmark
/// talks to it over HTTP with the operator's key. Each grain call it serves is counted.</summary>
public sealed class BenchPortal : IAsyncDisposable
{
    private BenchPortal(WebApplication app, Uri address, Uri sandbox, string operatorKey, GrainCallCounter counter)
    {
        App = app;
        Address = address;
        Sandbox = sandbox;
        OperatorKey = operatorKey;
        Counter = counter;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    /// <summary>The embedded sandbox simulator (its controls are at <c>/_sim</c>).</summary>
    public Uri Sandbox { get; }

    public string OperatorKey { get; }

    public GrainCallCounter Counter { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="map">Endpoints of the benchmark's own, mapped beside the portal's.</param>
    public static async Task<BenchPortal> StartAsync(IReadOnlyDictionary<string, string?>? extraSettings = null, Action<WebApplication>? map = null)
    {
        var address = new Uri($"http://127.0.0.1:{BenchHost.FreePort()}");
        var sandbox = new Uri($"http://127.0.0.1:{BenchHost.FreePort()}");
        var operatorKey = "op-bench-" + Guid.NewGuid().ToString("N");
        var settings = BenchHost.Settings();
        settings["Consortium:PublicBaseUrl"] = address.AbsoluteUri;
        settings["Consortium:OperatorApiKey"] = operatorKey;
        settings["Consortium:SeedDemoData"] = "false";
        // Outside Development the embedded simulators run only when told to; they then take the ORCID endpoints.
        settings["Orcid:Simulators:Enabled"] = "true";
        settings["Orcid:Simulators:SandboxUrl"] = sandbox.AbsoluteUri.TrimEnd('/');
        settings["Orcid:Simulators:ProductionUrl"] = $"http://127.0.0.1:{BenchHost.FreePort()}";
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Named as the portal is, so that its static assets manifest (copied next to this program) is found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = BenchHost.EnvironmentName, ApplicationName = "Consortium.Portal" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(address.AbsoluteUri);
        builder.Configuration.AddInMemoryCollection(settings);
        var counter = new GrainCallCounter();
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(counter);
        builder.AddConsortiumPortal();
        var app = builder.Build();
        app.UseConsortiumPortal();
        map?.Invoke(app);
        await app.StartAsync();
        return new BenchPortal(app, address, sandbox, operatorKey, counter);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
