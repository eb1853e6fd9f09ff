using Consortium.Portal.Components;
using Consortium.Portal.Services;
using Consortium.Silo.Hosting;
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
        builder.Services.AddSingleton<TenantService>();
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
    }
}
