using Consortium.Portal.Components;
using Consortium.Portal.Hosting;
using Consortium.Portal.Services;
using Consortium.Silo.Hosting;
using Consortium.Silo.Storage;
using MudBlazor.Services;

namespace Consortium.Portal.Extensions;

public static class PortalExtensions
{
    public static void AddConsortiumPortal(this WebApplicationBuilder builder)
    {
        builder.AddConsortiumOrleans();
        builder.AddObservability();
        builder.Services.AddProblemDetails();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<ClusterStatusService>();
        builder.Services.AddSingleton<ConsortiumService>();
        if (builder.Configuration.GetValue<bool>("Consortium:SeedDemoData"))
        {
            // Registered after Orleans, so it starts once the co-hosted silo or the client is up.
            builder.Services.AddHostedService<DemoDataSeeder>();
        }
    }

    public static void UseConsortiumPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.Lifetime.ApplicationStarted.Register(() => LogWhereItRuns(app));
    }

    /// <summary>The first thing a person starting the portal needs: where to open it and where its data is.</summary>
    private static void LogWhereItRuns(WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<OrleansHostingOptions>();
        var database = app.Services.GetRequiredService<ConsortiumDatabase>();
        app.Logger.LogInformation("Consortium portal: {Urls} ({Mode} mode; {StorageKind} at {StorageLocation})",
            string.Join(", ", app.Urls), hosting.Mode, database.Kind, database.Description);
    }
}
