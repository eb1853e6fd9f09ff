using Consortium.Orcid;
using Consortium.OrcidSimulator.Controls;
using Consortium.OrcidSimulator.MemberApi;
using Consortium.OrcidSimulator.Oauth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator;

/// <summary>Builds a simulator instance. Each has its own state, so a sandbox and a production simulator can share a process.</summary>
public static class OrcidSimulatorApp
{
    public static WebApplication Build(OrcidSimulatorOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OrcidSimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Hosted inside the portal, the simulator must not pick up the portal's appsettings or URLs.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OAuthStore>();
        builder.Services.AddSingleton(provider => new RecordStore(options.OrcidHost, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<OrganisationRegistry>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<RecordStates>();
        builder.Services.AddSingleton(provider => new ClientRateLimiter(provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<PublicApiLimits>();
        builder.Services.AddSingleton<RecordReads>();
        builder.Services.AddSingleton<WebhookRegistry>();
        builder.Services.AddSingleton<WebhookNotifier>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<WebhookNotifier>());
        builder.Services.AddSingleton<IdTokenIssuer>();
        if (options.StateFile is not null)
        {
            builder.Services.AddSingleton<SimulatorStateFile>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<SimulatorStateFile>());
        }

        var app = builder.Build();
        var restored = app.Services.GetService<SimulatorStateFile>()?.Restore() == true;
        foreach (var client in options.Clients)
        {
            app.Services.GetRequiredService<OAuthStore>().AddConfiguredClient(client);
        }
        if (options.SeedDemoResearchers && !restored)
        {
            Seed(app.Services.GetRequiredService<OAuthStore>(), app.Services.GetRequiredService<RecordStore>());
        }
        app.MapGet("/", () => $"ORCID simulator ({options.EnvironmentName}): OAuth at /oauth, member API at /v3.0 (webhooks at /{{orcid}}/webhook/...), public API at /pub/v3.0, test controls at /_sim.");
        app.MapAuthorizeApi();
        app.MapTokenApi();
        app.MapOpenIdApi();
        var member = app.MapGroup("/v3.0").AddEndpointFilter<MediaTypeFilter>().AddEndpointFilterFactory(BearerTokenFilter.Factory(optional: false))
            .AddEndpointFilter<RateLimitFilter>().AddEndpointFilter<FaultFilter>();
        // Only the member API's activity endpoints check the record's state. Webhooks do not
        // (orcid-api-web/src/main/java/org/orcid/api/member/common/delegator/impl/WebhooksServiceDelegatorImpl.java, registerWebhook),
        // nor do the public API's qualification endpoints, unlike its works or person endpoints
        // (orcid-pub-web/src/main/java/org/orcid/api/publicV3/server/delegator/impl/PublicV3ApiServiceDelegatorImpl.java, viewQualification[s]).
        member.MapGroup("").AddEndpointFilter<RecordStateFilter>().MapQualificationsApi();
        // Webhooks have no version prefix (WebhooksApi): /v3.0/{orcid}/webhook/... finds no route and answers 404, as ORCID does.
        app.MapGroup("").AddEndpointFilter<MediaTypeFilter>().AddEndpointFilterFactory(BearerTokenFilter.Factory(optional: false)).AddEndpointFilter<RateLimitFilter>()
            .AddEndpointFilter<FaultFilter>().MapWebhooksApi();
        app.MapGroup("/pub/v3.0").AddEndpointFilter<MediaTypeFilter>().AddEndpointFilterFactory(BearerTokenFilter.Factory(optional: true))
            .AddEndpointFilter<PublicRateLimitFilter>().AddEndpointFilter<FaultFilter>().MapPublicApi();
        app.MapControlsApi();
        app.MapRecordPage();
        return app;
    }

    /// <summary>The address it listens on once started (the real port when the options asked for port 0).</summary>
    public static Uri Address(this WebApplication simulator) => new(simulator.Urls.First());

    /// <summary>Demo researchers for the authorize page, each with the password <c>demo</c>; Josiah Carberry has the iD ORCID uses in its own examples.</summary>
    public static readonly (string GivenNames, string FamilyNames, string Email, string Orcid) DemoResearcher =
        ("Josiah", "Carberry", "josiah.carberry@example.org", "0000-0002-1825-0097");

    public const string DemoPassword = "demo";

    static void Seed(OAuthStore oauth, RecordStore records)
    {
        (string Given, string Family, string Email, OrcidId? Orcid)[] demo =
        [
            (DemoResearcher.GivenNames, DemoResearcher.FamilyNames, DemoResearcher.Email, OrcidId.Parse(DemoResearcher.Orcid)),
            ("Sofia", "Garcia", "sofia.garcia@example.org", null),
            ("Wei", "Zhang", "wei.zhang@example.org", null),
        ];
        foreach (var (given, family, email, orcid) in demo)
        {
            records.CreateRecord(oauth.AddResearcher(given, family, email, orcid, password: DemoPassword).Orcid);
        }
    }
}
