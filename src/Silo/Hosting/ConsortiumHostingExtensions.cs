using Consortium.Grains.Verification;
using Consortium.Grains.Issuing;
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
        builder.Services.AddSingleton<IValidateOptions<OrcidOptions>>(new ProductionTalksToOrcid(builder.Environment));
        if (options.Mode != HostingMode.Embedded)
        {
            // A cluster has no simulators to fall back on: its silos and portals say which ORCID they talk to, all the same one.
            RequireOrcidEndpoints(builder);
        }
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
                var advertised = AdvertisedAddress.Choose(options.AdvertisedAddress);
                if (advertised.IsFallback)
                {
                    builder.Services.AddHostedService<LoopbackAdvertisementWarning>();
                }
                builder.UseOrleans(silo => silo
                    .Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (options.ServiceId, options.ClusterId))
                    .ConfigureEndpoints(advertised.Address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true)
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
