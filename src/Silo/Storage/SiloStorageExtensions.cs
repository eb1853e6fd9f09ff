using System.Data.Common;
using Consortium.Grains;
using Consortium.Grains.Email;
using Consortium.Grains.Issuing.Projection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Consortium.Silo.Storage;

public static class SiloStorageExtensions
{
    /// <summary>Grain state and reminders in one SQLite file (embedded mode, and the test clusters that mirror it).</summary>
    public static ISiloBuilder UseConsortiumSqliteStorage(this ISiloBuilder silo, string databasePath)
    {
        var dataSource = new GatedSqliteDataSource(databasePath);
        silo.Services.AddConsortiumDatabase(new ConsortiumDatabase("SQLite", databasePath, dataSource));
        silo.Services.AddSingleton<IDatabaseMigrator>(sp => new SqliteMigrator(dataSource, sp.GetRequiredService<ILogger<SqliteMigrator>>()));
        silo.AddMigrationAtStart();
        silo.Services.AddSingleton<IEmailOutboxStore, SqlEmailOutboxStore>();
        // Sqlite-Persistence.sql has no DeleteStorageKey query, so DeleteStateOnClear stays off (the default).
        silo.UseAdoNetStateAndReminders(AdoNetInvariants.Sqlite, dataSource);
        return silo;
    }

    /// <summary>Membership, grain state and reminders in PostgreSQL (cluster mode).</summary>
    public static ISiloBuilder UseConsortiumPostgres(this ISiloBuilder silo, string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        silo.Services.AddConsortiumDatabase(DescribePostgres(dataSource));
        silo.Services.AddSingleton<IDatabaseMigrator>(sp => new PostgresMigrator(dataSource, sp.GetRequiredService<ILogger<PostgresMigrator>>()));
        silo.AddMigrationAtStart();
        silo.Services.AddSingleton<IEmailOutboxStore, SqlEmailOutboxStore>();
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = AdoNetInvariants.Postgres;
            options.DataSource = dataSource;
        });
        silo.UseAdoNetStateAndReminders(AdoNetInvariants.Postgres, dataSource);
        return silo;
    }

    /// <summary>An Orleans client that finds the cluster's gateways in PostgreSQL.</summary>
    public static IClientBuilder UseConsortiumPostgres(this IClientBuilder client, string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        client.Services.AddConsortiumDatabase(DescribePostgres(dataSource));
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = AdoNetInvariants.Postgres;
            options.DataSource = dataSource;
        });
        return client;
    }

    /// <summary>The database, and Data Protection with its key ring in it, so every silo and portal shares one ring.</summary>
    private static void AddConsortiumDatabase(this IServiceCollection services, ConsortiumDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton<IIssuingProjection, SqlIssuingProjection>();
        services.AddSingleton<Consortium.Grains.Courses.ICoursesProjection, SqlCoursesProjection>();
        services.AddSingleton<IssuingReader>();
        services.AddSingleton<ProjectionRebuild>();
        services.AddDataProtection().SetApplicationName("Consortium");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
            keys.XmlRepository = new DatabaseXmlRepository(database, provider.GetService<OnceMigration>()));
    }

    private static void UseAdoNetStateAndReminders(this ISiloBuilder silo, string invariant, DbDataSource dataSource)
    {
        silo.AddAdoNetGrainStorage(GrainStorage.Name, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<Serializer>((storage, serializer) =>
        {
            storage.Invariant = invariant;
            storage.DataSource = dataSource;
            // Orleans' own version-tolerant format: state records already carry [Id]s and [Alias]es,
            // so renaming a type or adding a field does not break reading what is stored.
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = invariant;
            options.DataSource = dataSource;
        });
    }

    private static ConsortiumDatabase DescribePostgres(NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return new ConsortiumDatabase("PostgreSQL", $"{settings.Host}:{settings.Port}/{settings.Database}", dataSource);
    }

    private static void AddMigrationAtStart(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<OnceMigration>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MigrateAtStart>();
    }

    /// <summary>Runs first in the silo's start, before membership, storage or reminders touch the database. When this start added
    /// the issuing projection (an upgrade from an installation without it), the projection is rebuilt from grain state once the
    /// silo is up, in the background.</summary>
    private sealed class MigrateAtStart(OnceMigration migration, ProjectionRebuild rebuild, ILogger<MigrateAtStart> logger)
        : ILifecycleParticipant<ISiloLifecycle>
    {
        private const string ProjectionScript = "Consortium-Issuing.sql";
        private bool projectionAdded;

        public void Participate(ISiloLifecycle lifecycle)
        {
            lifecycle.Subscribe(nameof(MigrateAtStart), ServiceLifecycleStage.First,
                async _ => projectionAdded = (await migration.RunAsync()).Contains(ProjectionScript));
            lifecycle.Subscribe(nameof(MigrateAtStart), ServiceLifecycleStage.Active, started =>
            {
                if (projectionAdded)
                {
                    _ = Task.Run(RebuildAsync);
                }
                return Task.CompletedTask;
            });
        }

        private async Task RebuildAsync()
        {
            try
            {
                await rebuild.RunAsync(tenant: null);
            }
            catch (Exception failed)
            {
                logger.LogError(failed, "Rebuilding the issuing projection failed; run POST /api/v1/operations/issuing-projection/rebuild.");
            }
        }
    }
}
