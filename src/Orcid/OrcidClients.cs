using Consortium.Orcid.Configuration;
using Consortium.Orcid.Http;
using Consortium.Orcid.MemberApi;
using Consortium.Orcid.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Consortium.Orcid;

/// <summary>The ORCID clients of each environment. Register with <c>services.AddOrcidClient()</c>.
/// Every call goes through the environment's HttpClient: rate limit, retries, timeouts and logging.</summary>
public sealed class OrcidClients
{
    readonly IHttpClientFactory httpClientFactory;
    readonly OrcidOptions options;
    readonly ILogger logger;
    readonly Dictionary<OrcidEnvironment, IConfigurationManager<OpenIdConnectConfiguration>> openIdConfigurations;

    public OrcidClients(IHttpClientFactory httpClientFactory, IOptions<OrcidOptions> options, ILogger<OrcidClients> logger)
    {
        this.httpClientFactory = httpClientFactory;
        this.options = options.Value;
        this.logger = logger;
        // One per environment for the process: it caches ORCID's discovery document and signing keys.
        openIdConfigurations = Enum.GetValues<OrcidEnvironment>().ToDictionary(env => env, OpenIdConfiguration);
    }

    public static string HttpClientName(OrcidEnvironment environment) => $"Orcid.{environment}";

    public OrcidOAuthClient OAuth(OrcidEnvironment environment) =>
        new(Http(environment), options.For(environment).OAuthUrl!, openIdConfigurations[environment]);

    public OrcidMemberApi Member(OrcidEnvironment environment) =>
        new(Http(environment), options.For(environment).MemberApiUrl!);

    public OrcidPublicApi Public(OrcidEnvironment environment) =>
        new(Http(environment), options.For(environment).PublicApiUrl!);

    OrcidHttp Http(OrcidEnvironment environment) => new(httpClientFactory.CreateClient(HttpClientName(environment)), logger);

    IConfigurationManager<OpenIdConnectConfiguration> OpenIdConfiguration(OrcidEnvironment environment)
    {
        var oauthUrl = options.For(environment).OAuthUrl!;
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName(environment)))
        {
            RequireHttps = oauthUrl.Scheme == Uri.UriSchemeHttps,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(oauthUrl, "/.well-known/openid-configuration").AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
    }
}
