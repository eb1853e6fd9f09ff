using Consortium.OrcidSimulator.Controls;
using Consortium.OrcidSimulator.Oauth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator;

/// <summary>Builds one simulated ORCID environment as a web app of its own.</summary>
public static class OrcidSimulatorApp
{
    public static WebApplication Build(OrcidSimulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OrcidSimulatorApp).Assembly.GetName().Name,
            // Its own content root, so a host that embeds it does not lend it its configuration files.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SimulatorState>();
        builder.Services.AddSingleton<IdTokenIssuer>();

        var app = builder.Build();
        app.MapGet("/", () => Results.Text($"ORCID simulator ({options.Environment})"));
        app.MapOauth();
        app.MapControls();
        return app;
    }

    /// <summary>The address it listens on once started (the real port when the options asked for port 0).</summary>
    public static Uri Address(this WebApplication simulator) => new(simulator.Urls.First());
}
