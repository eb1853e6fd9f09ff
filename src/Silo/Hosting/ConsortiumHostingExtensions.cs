using Consortium.Grains.Billing;
using Consortium.Grains.Verification;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidRate;
using System.ComponentModel.DataAnnotations;
using Consortium.Orcid;
using Consortium.Orcid.Configuration;
using Consortium.Silo.Health;
using Consortium.Silo.KeyRing;
using Consortium.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        var options = ReadOptions(builder);
        builder.Services.AddSingleton(options);
        builder.AddKeyRingProtection(options);

        // Grains reach ORCID only through src/Orcid's typed clients.
        builder.Services.AddOrcidClient();
        // Every host sending for a client, silo or client of the cluster, draws from one bucket per client in the cluster.
        builder.Services.AddClusterOrcidRateLimit();
        builder.Services.AddSingleton<IValidateOptions<OrcidOptions>>(new ProductionTalksToOrcid(builder.Environment));
        if (options.Mode != HostingMode.Embedded)
        {
            // A cluster has no simulators to fall back on: its silos and portals say which ORCID they talk to, all the same one.
            RequireOrcidEndpoints(builder);
        }
        builder.Services.AddOptions<IssuingOptions>().BindConfiguration(IssuingOptions.SectionName);
        builder.Services.AddOptions<Consortium.Grains.Courses.ClaimsOptions>().BindConfiguration(Consortium.Grains.Courses.ClaimsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.SectionName);
        // Silo or client: whatever reads a tenant's settings on every request (API keys, profile, rules) reads this process's snapshot.
        builder.Services.AddSingleton<Consortium.Grains.Snapshots.TenantSnapshots>();
        // Billing closes production only where plans are configured; the silo needs the plans' presence, not the plans.
        builder.Services.AddOptions<BillingRules>().BindConfiguration(BillingRules.SectionName)
            .PostConfigure(rules => rules.Enforced = builder.Configuration.GetSection(BillingRules.SectionName + ":Plans").GetChildren().Any());

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
                var advertised = AdvertisedAddress.Choose(options.AdvertisedAddress);
                if (advertised.IsFallback)
                {
                    builder.Services.AddHostedService<LoopbackAdvertisementWarning>();
                }
                builder.UseOrleans(silo => silo
                    .Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (options.ServiceId, options.ClusterId))
                    .ConfigureEndpoints(advertised.Address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true)
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
            builder.Services.AddHostedService<ResumeAfterSiloDeath>();
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

    private static OrleansHostingOptions ReadOptions(IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrleansHostingOptions.SectionName).Get<OrleansHostingOptions>() ?? new();
        options.PostgresConnectionString ??= builder.Configuration.GetConnectionString("Consortium");

        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (options.Mode != HostingMode.Embedded && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            RequiredSettings.Report(builder, "ConnectionStrings:Consortium", $"Orleans:Mode is {options.Mode}, which keeps the cluster in PostgreSQL: give its connection string");
            // Only so the host can be built, for the start to refuse: nothing connects before that.
            options.PostgresConnectionString = "Host=localhost";
        }
        return options;
    }

    /// <summary>Every ORCID endpoint, by its key: the silos make the ORCID calls and the portal sends people to ORCID's pages, so
    /// a cluster that left one out would talk to another ORCID than the rest of it.</summary>
    private static void RequireOrcidEndpoints(IHostApplicationBuilder builder)
    {
        foreach (var (environment, real) in new[] { ("Sandbox", OrcidEndpoints.RealSandbox()), ("Production", OrcidEndpoints.RealProduction()) })
        {
            foreach (var (name, url) in new[] { ("OAuthUrl", real.OAuthUrl), ("MemberApiUrl", real.MemberApiUrl), ("PublicApiUrl", real.PublicApiUrl) })
            {
                var key = $"{OrcidOptions.SectionName}:{environment}:{name}";
                if (string.IsNullOrWhiteSpace(builder.Configuration[key]))
                {
                    RequiredSettings.Report(builder, key, $"ORCID's own is {url}; a trial gives an ORCID simulator's");
                }
            }
        }
    }
}
