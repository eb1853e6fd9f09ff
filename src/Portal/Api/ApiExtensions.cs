using System.Text.Json;
using System.Text.Json.Serialization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Consortium.Silo.Hosting;

namespace Consortium.Portal.Api;

public static class ApiExtensions
{
    public const string OperatorApiKeySetting = $"{ConsortiumOptions.SectionName}:{nameof(ConsortiumOptions.OperatorApiKey)}";

    public static void AddConsortiumApi(this WebApplicationBuilder builder, OrleansHostingOptions hosting)
    {
        var embedded = hosting.Mode == HostingMode.Embedded;
        if (!embedded && string.IsNullOrWhiteSpace(builder.Configuration[OperatorApiKeySetting]))
        {
            // Every portal of a cluster takes the same key: one made per process would differ from portal to portal.
            RequiredSettings.Report(builder, OperatorApiKeySetting,
                $"the platform operator's REST API key, the same in every portal of the cluster (e.g. op.$(openssl rand -hex 24))");
        }
        builder.Services.AddOptions<ConsortiumOptions>().BindConfiguration(ConsortiumOptions.SectionName)
            .PostConfigure(options =>
            {
                // A first run needs no configuration: the key for this run is printed at start (see PortalExtensions).
                if (string.IsNullOrWhiteSpace(options.OperatorApiKey) && builder.Environment.IsDevelopment() && embedded)
                {
                    options.OperatorApiKey = "op." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                }
            });
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization(options => options.AddApiPolicies());
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        // In every environment a request that does not bind throws, so BadRequestExceptionHandler can name the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        // Statuses read as DESIGN.md writes them: "in-orcid", "awaiting-consent".
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
    }

    public static void MapConsortiumApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapConsortiaApi();
        app.MapTenantsApi();
        app.MapApiKeysApi();
        app.MapBrandingApi();
        app.MapInvitationsApi();
        app.MapOutboxApi();
        app.MapOrcidClientsApi();
        app.MapTemplatesApi();
        app.MapIssuancesApi();
        app.MapBatchesApi();
        app.MapClaimsApi();
        app.MapEnrolmentsApi();
        app.MapCourseSettingsApi();
        app.MapLtiApi();
        app.MapTrustRulesApi();
        app.MapOperationsApi();
    }
}
