using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Consortium.Silo.Dashboard;

/// <summary>
/// The Orleans Dashboard on the silo's HTTP port at <c>/dashboard</c>, for operators only (their key, see
/// <see cref="OperatorKeyAuthenticationHandler"/>): it shows grain state, keys and reminders, so it is never public. On the silo,
/// not the portal: the portal is the installation's public face, while a silo's HTTP port stays inside the network.
/// </summary>
public static class OperatorDashboardExtensions
{
    private const string Policy = "operator-dashboard";

    public static void AddOperatorDashboard(this IHostApplicationBuilder builder)
    {
        var settings = OperatorDashboardSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return;
        }
        var section = builder.Configuration.GetSection(OperatorDashboardSettings.SectionName);
        builder.UseOrleans(silo => silo.AddDashboard(options =>
        {
            // Live logs carry people's emails and iDs: streamed only when Dashboard:HideTrace=false says so.
            options.HideTrace = true;
            section.Bind(options);
        }));
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthenticationHandler>(OperatorKeyAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization(options => options.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(OperatorKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()));
    }

    public static void MapOperatorDashboard(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<OperatorDashboardSettings>().Enabled)
        {
            return;
        }
        app.UseAuthentication();
        app.UseAuthorization();
        // Every asset and API route of the dashboard is in this group, so the policy covers all of them.
        app.MapOrleansDashboard(OperatorDashboardSettings.Path).RequireAuthorization(Policy);
    }
}
