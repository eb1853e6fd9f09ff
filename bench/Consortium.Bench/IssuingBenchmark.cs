using System.Diagnostics;
using System.Globalization;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;
using Consortium.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Bench;

/// <summary>
/// Issuing throughput through real silos (one embedded on SQLite, or a PostgreSQL cluster) against the ORCID simulator, whose member API allows each client
/// 24 requests/s (bursts of 40): each tenant has its own client, so tenants in parallel should each approach 24/s.
/// Counts the items on the simulator's records afterwards: every issuance exactly once.
/// </summary>
public static class IssuingBenchmark
{
    private const double OrcidRateLimit = 24;
    private const string PortalUrl = "http://bench.test";
    /// <summary>Issuances per submit call. 20 tenants submitting 500 each at once on a PostgreSQL cluster outlast Orleans' 30 s
    /// response timeout on a loaded 2-core machine (10,000 issuance grains created and stored together).</summary>
    private const int SubmitChunk = 100;

    /// <param name="GrainCallsPerIssuance">Every call to Consortium's grains the silo served from the submit to the last write, per issuance.</param>
    /// <param name="StateWritesPerIssuance">Grain state writes of the issuances and their queue (Orleans' row versions), per issuance.</param>
    public sealed record Result(string Hosting, int Tenants, int IssuancesPerTenant, TimeSpan Elapsed, double PerTenantPerSecond, int Duplicates, int Missing,
        double GrainCallsPerIssuance, double StateWritesPerIssuance, IReadOnlyList<(string Method, double PerIssuance)> CallsByMethod)
    {
        public double ShareOfRateLimit => PerTenantPerSecond / OrcidRateLimit;

        public override string ToString() =>
            $"{Hosting}, {Tenants} x {IssuancesPerTenant}: {Elapsed.TotalSeconds:0.0} s, {PerTenantPerSecond:0.0}/s per tenant, duplicates {Duplicates}, missing {Missing}, " +
            $"grain calls {GrainCallsPerIssuance:0.00} and state writes {StateWritesPerIssuance:0.00} per issuance{Environment.NewLine}" +
            string.Join(Environment.NewLine, CallsByMethod.Select(m => $"  {m.PerIssuance,6:0.00}  {m.Method}"));
    }

    /// <param name="postgres">A database for a cluster of <paramref name="silos"/> silos; null: one embedded silo on SQLite.</param>
    public static async Task<Result> RunAsync(int tenants, int issuancesPerTenant, string? postgres = null, int silos = 1)
    {
        var simulator = OrcidSimulatorApp.Build(new OrcidSimulatorOptions { Urls = "http://127.0.0.1:0", Environment = OrcidEnvironment.Sandbox, SeedDemoResearchers = false });
        await simulator.StartAsync();
        var orcid = simulator.Address();
        var cluster = await BenchCluster.StartAsync(orcid, postgres, silos);
        var grains = cluster.Services.GetRequiredService<IGrainFactory>();
        // Read from the projection, not through the queue: the bench's own polling makes no grain call.
        var projection = cluster.Services.GetRequiredService<IIssuingProjection>();
        using var controls = new SimulatorControls(orcid);
        try
        {
            var setups = new List<(ITenantIssuingGrain Ledger, string Tenant, string Researcher)>();
            for (var t = 0; t < tenants; t++)
            {
                setups.Add(await SetUpTenantAsync(grains, controls, $"bench-{t}-{Guid.NewGuid():N}"[..20]));
            }

            foreach (var counter in cluster.Counters)
            {
                counter.Reset();
            }
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(setups.Select(async setup =>
            {
                foreach (var chunk in Enumerable.Range(0, issuancesPerTenant).Chunk(SubmitChunk))
                {
                    await setup.Ledger.SubmitAsync([.. chunk.Select(i => new NewIssuance("bench", $"b-{i}", Orcid: setup.Researcher))], PortalUrl);
                }
            }));
            await Task.WhenAll(setups.Select(async setup =>
            {
                while ((await projection.CountAsync(setup.Tenant, OrcidEnvironment.Sandbox)).Count(IssuanceStatus.InOrcid) < issuancesPerTenant)
                {
                    await Task.Delay(20);
                }
            }));
            clock.Stop();
            var callsMade = cluster.GrainCalls;
            var byMethod = cluster.Counters.SelectMany(counter => counter.ByMethod)
                .GroupBy(m => m.Method, (method, calls) => (Method: method, Calls: calls.Sum(c => c.Calls)))
                .OrderByDescending(m => m.Calls).ToList();
            var stateWrites = await StateWritesAsync(cluster.Services.GetRequiredService<ConsortiumDatabase>(), [.. setups.Select(setup => setup.Tenant)]);

            var onRecords = 0;
            foreach (var (_, _, researcher) in setups)
            {
                onRecords += (await controls.QualificationsAsync(researcher)).Count;
            }
            var expected = tenants * issuancesPerTenant;
            return new Result(postgres is null ? "SQLite (embedded)" : $"PostgreSQL, {silos} silos", tenants, issuancesPerTenant, clock.Elapsed,
                issuancesPerTenant / clock.Elapsed.TotalSeconds, Math.Max(0, onRecords - expected), Math.Max(0, expected - onRecords),
                (double)callsMade / expected, (double)stateWrites / expected, [.. byMethod.Select(m => (m.Method, (double)m.Calls / expected))]);
        }
        finally
        {
            await cluster.DisposeAsync();
            await simulator.DisposeAsync();
        }
    }

    /// <summary>Orleans' state rows count their writes (Version): the issuances' and the queues' of these tenants.</summary>
    private static async Task<long> StateWritesAsync(ConsortiumDatabase database, IReadOnlyList<string> tenants)
    {
        long writes = 0;
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var tenant in tenants)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT COALESCE(SUM(Version), 0) FROM OrleansStorage
                WHERE (GrainTypeString = 'issuance' AND GrainIdExtensionString LIKE @issuances) OR (GrainTypeString = 'issuing' AND GrainIdExtensionString LIKE @queue)
                """;
            command.With("issuances", IssuingKey.Issuance(tenant, "%")).With("queue", IssuingKey.For(tenant, OrcidEnvironment.Sandbox) + "%");
            writes += Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return writes;
    }

    /// <summary>A tenant with its own client, a template, and one researcher who connected through the OAuth round trip.</summary>
    internal static async Task<(ITenantIssuingGrain Ledger, string Tenant, string Researcher)> SetUpTenantAsync(IGrainFactory grains, SimulatorControls orcid, string tenant)
    {
        var consortium = await grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key).CreateAsync(new NewConsortium($"c-{tenant}", "Bench Consortium"));
        await grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(consortium.Slug)).CreateTenantAsync(new NewTenant(tenant, "Bench University", "02mhbdp94"));
        await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).SetOrganisationAsync(new OrganisationDetails("Bench University", "02mhbdp94", "Wellington", "NZ"));
        await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant)).SaveAsync("bench", new TemplateInput("Bench Safety", ValidityMonths: 12));
        var (clientId, clientSecret) = await orcid.RegisterClientAsync(tenant, $"{PortalUrl}/t/");
        await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(tenant, OrcidEnvironment.Sandbox)).StoreAsync(clientId, clientSecret);

        var researcher = (await orcid.CreateResearcherAsync("Bench", "Researcher", $"{tenant}@example.org")).Orcid;
        await orcid.DecideNextConsentAsync(researcher, authorize: true);
        var state = ConsentRequestGrain.NewState();
        var request = grains.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(state));
        await request.BeginAsync(new ConsentRequest(tenant, OrcidEnvironment.Sandbox, "bench", "nonce", null));
        var redirect = new Uri($"{PortalUrl}/t/{tenant}/orcid/callback");
        var code = (await orcid.AuthorizeAsync(clientId, redirect, state, "openid /read-limited /activities/update", "nonce"))!;
        await request.AuthorizeAsync(tenant, "bench", code, redirect);
        return (grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant, OrcidEnvironment.Sandbox)), tenant, researcher);
    }
}
