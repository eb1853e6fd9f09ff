using Consortium.Portal.Billing;
using Consortium.Portal.Api;
using Consortium.Portal.Audit;
using Consortium.Portal.Badges;
using Consortium.Portal.Components;
using Consortium.Portal.Email;
using Consortium.Silo.Email;
using Consortium.Portal.Hosting;
using Consortium.Portal.Invitations;
using Consortium.Portal.Issuing;
using Consortium.Portal.Launch;
using Consortium.Portal.Live;
using Consortium.Portal.Services;
using Consortium.Portal.Researchers;
using Consortium.Portal.Security;
using Consortium.Portal.Staff;
using Consortium.Portal.Verification;
using Consortium.Silo.Health;
using Consortium.Silo.Hosting;
using Consortium.Silo.Observability;
using Consortium.Silo.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

using Consortium.Portal.Courses;

namespace Consortium.Portal.Extensions;

public static class PortalExtensions
{
    public static void AddConsortiumPortal(this WebApplicationBuilder builder)
    {
        // A start without a public address refuses on start, naming it with every other missing setting (RequiredSettings).
        var portal = PortalAddress.FromConfiguration(builder.Configuration, builder.Environment);
        if (portal is null)
        {
            RequiredSettings.Report(builder, PortalAddress.SettingName, PortalAddress.Purpose);
            portal = PortalAddress.Unset;
        }
        builder.Services.AddSingleton(portal);
        builder.AddAllowedHosts(portal);
        var hosting = builder.AddConsortiumOrleans();
        // Before sign-in is configured: in embedded mode, sign-in goes to the sandbox simulator.
        EmbeddedOrcid.AddEmbeddedOrcid(builder, portal);
        builder.AddBilling(portal);
        builder.AddObservability("consortium-portal", LiveUpdateMetrics.MeterName);
        builder.AddConsortiumApi(hosting);
        builder.AddForwardedHeaders();
        builder.AddRateLimits();
        builder.AddEmail();
        builder.AddStaffSignIn();
        builder.Services.AddProblemDetails();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<ClusterStatusService>();
        builder.Services.AddSingleton<ConsortiumService>();
        builder.Services.AddSingleton<TenantAdminService>();
        builder.Services.AddSingleton<AuditGroupCommit>();
        builder.Services.AddSingleton<OnboardingService>();
        builder.Services.AddSingleton<AuditLog>();
        builder.AddInvitations();
        builder.Services.AddSingleton<IssuingService>();
        builder.Services.AddSingleton<BatchService>();
        builder.Services.AddSingleton<Courses.ClaimService>();
        builder.Services.AddSingleton<Courses.ClaimPages>();
        builder.Services.AddSingleton<Courses.EnrolmentService>();
        builder.Services.AddSingleton<Courses.EnrolmentPages>();
        builder.Services.AddSingleton<Courses.CompletionService>();
        builder.Services.AddSingleton<Courses.CourseSettingsService>();
        builder.Services.AddHttpClient<Lti.LtiLaunchValidator>();
        builder.Services.AddSingleton<Lti.LtiPlatformService>();
        builder.Services.AddSingleton<IssuingFeed>();
        builder.Services.AddSingleton<VerificationService>();
        builder.Services.AddSingleton<LaunchReviewService>();
        builder.Services.AddSingleton<LaunchReviewEmails>();
        builder.Services.AddSingleton<ConsentInvitationOutbox>();
        builder.Services.AddSingleton<ResearcherPages>();
        builder.Services.AddSingleton<OrcidRecordLinks>();
        builder.AddBadges();
        builder.AddResearcherSession();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Demo data only where it is the point, a first offline run; a cluster seeds it only when told to.
        if (builder.Configuration.GetValue<bool?>("Consortium:SeedDemoData") ?? (builder.Environment.IsDevelopment() && hosting.Mode == HostingMode.Embedded))
        {
            // Registered after Orleans, so it starts once the co-hosted silo or the client is up.
            builder.Services.AddHostedService<DemoDataSeeder>();
        }
    }

    public static void UseConsortiumPortal(this WebApplication app)
    {
        app.UseForwardedHeadersAndHttps();
        app.UseSecurityHeaders();
        Lti.LtiFraming.UseLtiFraming(app);
        // Problem details for the API's domain errors; the error page for anything else outside Development.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = app.Environment.IsDevelopment() ? null : "/error",
            CreateScopeForErrors = true,
        });
        app.UseStatusCodeProblems();
        app.UseBlazorHubOriginCheck();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseMailboxAccess();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapConsortiumApi();
        app.MapStaffSignIn();
        app.MapResearcherEndpoints();
        app.MapCompletionHooks();
        Lti.LtiEndpoints.MapLtiEndpoints(app);
        app.MapBadgeEndpoints();
        app.MapBatchDownloads();
        app.MapOrcidWebhooks();
        app.MapBilling();
        app.MapLaunchReviewPack();
        // frame-ancestors is part of SecurityHeaders' policy; Blazor's own header would take the place of that policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        app.Lifetime.ApplicationStarted.Register(() => AnnounceWhereItRuns(app));
    }

    /// <summary>The first thing a person starting the portal needs: where to open it, where its data is, and how to sign in.</summary>
    private static void AnnounceWhereItRuns(WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<OrleansHostingOptions>();
        var database = app.Services.GetRequiredService<ConsortiumDatabase>();
        app.Logger.LogInformation("Consortium portal: {Urls} ({Mode} mode; {StorageKind} at {StorageLocation})",
            string.Join(", ", app.Urls), hosting.Mode, database.Kind, database.Description);
        if (app.Services.GetService<EmbeddedOrcid>() is { } orcid)
        {
            app.Logger.LogInformation("ORCID simulators (sandbox, production): {Addresses}", string.Join(", ", orcid.Addresses));
            // Straight to the console, never to the logs: the demo sign-in of this offline run.
            Console.WriteLine($"Sign in at {app.Urls.First()}/signin with ORCID (simulator) as {EmbeddedOrcid.DemoOperator.Email} / {EmbeddedOrcid.DemoOperator.Password} (operator, iD {EmbeddedOrcid.DemoOperator.Orcid})");
        }
        if (app.Environment.IsDevelopment() && hosting.Mode == HostingMode.Embedded && string.IsNullOrWhiteSpace(app.Configuration[ApiExtensions.OperatorApiKeySetting]))
        {
            // Straight to the terminal (or a file of the owner's), never to the logs: this run's operator key for the REST API.
            OperatorKeyNotice.Tell(Console.Out, !Console.IsOutputRedirected, hosting.DataDirectory,
                app.Services.GetRequiredService<IOptions<ConsortiumOptions>>().Value.OperatorApiKey!);
        }
    }
}
