using Consortium.Orcid.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Consortium.Grains.OrcidRate;

public static class OrcidRateServiceCollectionExtensions
{
    /// <summary>ORCID's limits are shared by every host of the cluster: replaces the process's own buckets of <c>AddOrcidClient</c>.</summary>
    public static IServiceCollection AddClusterOrcidRateLimit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<IOrcidPermitSource, LeasedPermitSource>());
        return services;
    }
}
