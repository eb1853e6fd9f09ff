using Consortium.Grains.Verification;
using Consortium.Grains.Issuing;
using System.ComponentModel.DataAnnotations;
using System.Net;
using Consortium.Orcid;
using Consortium.Silo.Health;
using Consortium.Silo.Issuing;
using Consortium.Silo.KeyRing;
using Consortium.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

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
        builder.Services.AddOptions<IssuingOptions>().BindConfiguration(IssuingOptions.SectionName);
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.SectionName);

        // A grain whose database failed throws Npgsql's exception; Orleans sends only exceptions of namespaces it allows and fails
        // the answer otherwise, so the portal could not tell the database is down (TransientClusterFailure) from a bug.
        builder.Services.Configure<ExceptionSerializationOptions>(exceptions => exceptions.SupportedNamespacePrefixes.Add("Npgsql"));

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
                    .Configure<ClusterMembershipOptions>(membership => ConfigureMembership(membership, builder.Configuration))
                    .UseConsortiumPostgres(options.PostgresConnectionString!));
                break;
            case HostingMode.Client:
                builder.UseOrleansClient(client => client
                    .Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (options.ServiceId, options.ClusterId))
                    .UseConsortiumPostgres(options.PostgresConnectionString!));
                ConfigureClientFailover(builder.Services, builder.Configuration);
                break;
        }
        if (options.Mode != HostingMode.Client)
        {
            builder.Services.AddHostedService<IssuingQueueFailover>();
        }

        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        return options;
    }

    /// <summary>Dead silos stay in the membership table (and on the overview page, marked dead) for an hour, not Orleans' week;
    /// <c>Orleans:Membership</c> (any <see cref="ClusterMembershipOptions"/> property) overrides.</summary>
    private static void ConfigureMembership(ClusterMembershipOptions membership, IConfiguration configuration)
    {
        membership.DefunctSiloExpiration = TimeSpan.FromHours(1);
        membership.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
        configuration.GetSection("Orleans:Membership").Bind(membership);
    }

    /// <summary>
    /// A portal's client while a silo dies: a call that went to the dead gateway, or to a grain on the dead silo, gives up after
    /// <see cref="ClientResponseTimeout"/> rather than Orleans' 30 s (the portal then answers 503), and the gateway list is read
    /// again every <see cref="GatewayListRefreshPeriod"/>, so a silo that joins takes client traffic within seconds. Orleans binds
    /// <c>Orleans:Messaging:ResponseTimeout</c> and <c>Orleans:Gateway:GatewayListRefreshPeriod</c> itself; these apply unless they are set.
    /// </summary>
    private static void ConfigureClientFailover(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Orleans:Messaging:ResponseTimeout"] is null)
        {
            services.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = ClientResponseTimeout);
        }
        if (configuration["Orleans:Gateway:GatewayListRefreshPeriod"] is null)
        {
            services.Configure<GatewayOptions>(gateway => gateway.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
        }
    }

    public static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

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
