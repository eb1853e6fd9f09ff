using Consortium.Orcid.Configuration;
using Consortium.Orcid.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Consortium.Orcid;

public static class OrcidServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OrcidClients"/> with options from the <c>Orcid</c> section (validated at start)
    /// and one HttpClient per environment with retries, timeouts and the per-client rate limit.</summary>
    public static IServiceCollection AddOrcidClient(this IServiceCollection services)
    {
        services.AddOptions<OrcidOptions>().BindConfiguration(OrcidOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrcidOptions>, OrcidOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // A host in a cluster registers the cluster's bucket instead (before or after this: it replaces).
        services.TryAddSingleton<IOrcidPermitSource, LocalPermitSource>();
        services.TryAddSingleton<OrcidRateLimiter>();
        services.TryAddSingleton<OrcidClients>();
        foreach (var environment in Enum.GetValues<OrcidEnvironment>())
        {
            services.AddHttpClient(OrcidClients.HttpClientName(environment))
                // Polly owns the attempt timeout, and a call may wait in the rate-limit queue for long:
                // HttpClient's own timeout must not cut it short.
                .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
                // A redirect is an answer: ORCID's 301 for a deprecated record names the primary iD, and following it would
                // drop the Authorization header and read the primary record as if it were the one asked for.
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
                .AddHttpMessageHandler(provider => new ResilienceHandler(
                    provider.GetRequiredService<IOptions<OrcidOptions>>().Value,
                    provider.GetRequiredService<OrcidRateLimiter>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILoggerFactory>().CreateLogger<OrcidClients>()));
        }
        return services;
    }
}
