using Consortium.Grains.Verification;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidRate;
using System.ComponentModel.DataAnnotations;
using System.Net;
using Consortium.Orcid;
using Consortium.Silo.Health;
using Consortium.Silo.KeyRing;
using Consortium.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Consortium.Silo.Hosting;

public static class ConsortiumHostingExtensions
{
    /// <summary>
    /// Joins this process to Consortium's Orleans cluster as the <c>Orleans</c> section says: an embedded silo on
    /// SQLite (default), a silo of a PostgreSQL cluster, or a client of one, all sharing one Data Protection key ring,
    /// encrypted with the configured key-encryption key. Adds the storage and cluster health checks, tagged <c>ready</c>.
    /// </summary>
    public static OrleansHostingOptions AddConsortiumOrleans(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.AddKeyRingProtection(options);

        // Grains reach ORCID only through src/Orcid's typed clients.
        builder.Services.AddOrcidClient();
        // Every host sending for a client, silo or client of the cluster, draws from one bucket per client in the cluster.
        builder.Services.AddClusterOrcidRateLimit();
        builder.Services.AddOptions<IssuingOptions>().BindConfiguration(IssuingOptions.SectionName);
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.SectionName);

        switch (options.Mode)
        {
            case HostingMode.Embedded:
                builder.UseOrleans(silo => silo
                    .UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId)
                    .UseConsortiumSqliteStorage(options.SqliteDatabasePath));
                break;
            case HostingMode.Cluster:
                builder.UseOrleans(silo => silo
                    .Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (options.ServiceId, options.ClusterId))
                    .ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true)
                    .UseConsortiumPostgres(options.PostgresConnectionString!));
                break;
            case HostingMode.Client:
                builder.UseOrleansClient(client => client
                    .Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (options.ServiceId, options.ClusterId))
                    .UseConsortiumPostgres(options.PostgresConnectionString!));
                break;
        }

        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        return options;
    }

    private static OrleansHostingOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansHostingOptions.SectionName).Get<OrleansHostingOptions>() ?? new();
        options.PostgresConnectionString ??= configuration.GetConnectionString("Consortium");

        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (options.Mode != HostingMode.Embedded && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new InvalidOperationException(
                $"Orleans:Mode is {options.Mode}, which needs a PostgreSQL connection string in ConnectionStrings:Consortium.");
        }
        return options;
    }
}
