using Consortium.Orcid.Configuration;
using Consortium.Orcid.OAuth;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Orcid;

public static class OrcidServiceCollectionExtensions
{
    /// <summary>ORCID's endpoints from the <c>Orcid</c> section (validated at start) and the typed clients that call them.</summary>
    public static IServiceCollection AddOrcidClient(this IServiceCollection services)
    {
        services.AddOptions<OrcidOptions>().BindConfiguration(OrcidOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<OrcidOAuthClient>(client => client.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
