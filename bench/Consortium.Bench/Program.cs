using System.Globalization;
using System.Text;
using Consortium.Bench;

// Measures, side by side in one run, and writes bench/RESULTS.md:
//   dotnet run -c Release --project bench/Consortium.Bench [-- writes parallelism]
// PostgreSQL is measured too when CONSORTIUM_TEST_POSTGRES names a server (./test.sh shows how one is set up).
//   dotnet run -c Release --project bench/Consortium.Bench -- projection   (only the issuing lists, printed)
if (args is ["projection"])
{
    Console.WriteLine(await ProjectionReportAsync());
    return;
}
//   dotnet run -c Release --project bench/Consortium.Bench -- outbox   (only the email outbox, printed)
//   dotnet run -c Release --project bench/Consortium.Bench -- issuing   (only issuing to the simulator, printed)
if (args is ["issuing"])
{
    Console.WriteLine(await IssuingBenchmark.RunAsync(tenants: 1, issuancesPerTenant: 600));
    return;
}
//   dotnet run -c Release --project bench/Consortium.Bench -- cluster   (only 20 tenants on two silos and verification on one and two, printed)
if (args is ["cluster"])
{
    Console.WriteLine(await ClusterReportAsync());
    return;
}
//   dotnet run -c Release --project bench/Consortium.Bench -- ratelimit   (only 1, 2 and 3 silos sharing one client's limit, printed; needs PostgreSQL)
if (args is ["ratelimit"])
{
    Console.WriteLine(SharedRateLimitReport(await SharedRateLimitRunsAsync()));
    return;
}
//   dotnet run -c Release --project bench/Consortium.Bench -- csv   (only the 10,000-row CSV through the portal, printed)
if (args is ["csv"])
{
    Console.WriteLine(CsvReport(await CsvBenchmark.RunAsync(rows: 10_000)));
    return;
}
//   dotnet run -c Release --project bench/Consortium.Bench -- verify   (only verification through the portal's REST API, printed)
if (args is ["verify"])
{
    Console.WriteLine(ApiVerificationBenchmark.Format(await ApiVerificationBenchmark.RunAsync(requests: 20_000, parallelism: 32)));
    return;
}
if (args is ["outbox"])
{
    Console.WriteLine(OutboxReport(await OutboxBenchmark.RunAsync(messages: 10_000)));
    return;
}
var writes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var parallelism = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var results = new List<StorageBenchmark.Result>();

// First, while nothing in this process has run a silo yet: cold start, then the memory of 100,000 active researcher grains.
var (coldStarts, memory) = await ActivationBenchmark.RunAsync(researchers: 100_000);

var dataDirectory = Path.Combine(Path.GetTempPath(), $"consortium-bench-{Guid.NewGuid():N}");
results.Add(await StorageBenchmark.RunAsync("SQLite (embedded)",
    new Dictionary<string, string?> { ["Orleans:Mode"] = "Embedded", ["Orleans:DataDirectory"] = dataDirectory }, writes, parallelism));

await using (var database = await BenchDatabase.CreateAsync())
{
    if (database is not null)
    {
        results.Add(await StorageBenchmark.RunAsync("PostgreSQL (cluster)",
            new Dictionary<string, string?> { ["Orleans:Mode"] = "Cluster", ["ConnectionStrings:Consortium"] = database.ConnectionString }, writes, parallelism));
    }
}

// Issuing: one tenant alone, then several at once, each with its own ORCID client (24 requests/s each).
var issuing = new List<IssuingBenchmark.Result>
{
    await IssuingBenchmark.RunAsync(tenants: 1, issuancesPerTenant: 600),
    await IssuingBenchmark.RunAsync(tenants: 4, issuancesPerTenant: 600),
};

// The cluster's rate limit: 1, 2 and 3 silos issuing for one tenant share its client's 24 requests/s (PostgreSQL only).
var sharedRateLimit = await SharedRateLimitRunsAsync();

var projection = await ProjectionReportAsync();
// The email outbox: 10,000 invitations queued as a CSV batch queues them, then sent through a real SMTP server.
var outbox = await OutboxBenchmark.RunAsync(messages: 10_000);
// The same number of invitations as a CSV through the portal's batch API over HTTP.
var csvBatch = await CsvBenchmark.RunAsync(rows: 10_000);

// Verification: a warm-cache decision over HTTP against a bare endpoint returning a constant, same host, same client.
var verification = await VerificationBenchmark.RunAsync(requests: 20_000, parallelism: 32);

var report = new StringBuilder()
    .AppendLine("# Benchmark results")
    .AppendLine()
    .AppendLine($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}.")
    .AppendLine("`dotnet run -c Release --project bench/Consortium.Bench` measures all rows in one run.")
    .AppendLine()
    .AppendLine("## Grain state writes through a real silo")
    .AppendLine()
    .AppendLine($"Each write replaces one tenant's branding and stores it; {parallelism} tenants write in parallel.")
    .AppendLine()
    .AppendLine("| storage | writes | writes/s | ratio to SQLite | p50 | p99 |")
    .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var result in results)
{
    report.AppendLine(CultureInfo.InvariantCulture,
        $"| {result.Storage} | {result.Writes} | {result.WritesPerSecond:0} | {result.WritesPerSecond / results[0].WritesPerSecond:0.00} | {result.P50.TotalMilliseconds:0.0} ms | {result.P99.TotalMilliseconds:0.0} ms |");
}
report
    .AppendLine()
    .AppendLine("## Issuing to ORCID (simulator) through a real silo")
    .AppendLine()
    .AppendLine("Each tenant has its own ORCID client, which the simulator (like ORCID) allows 24 requests/s with bursts of 40;")
    .AppendLine("one issuance is one write. The target is at least 90% of 24/s per tenant with no duplicate.")
    .AppendLine()
    .AppendLine("Grain calls and state writes are counted per issuance from the submit to the last write (the queue's own timer ticks are not")
    .AppendLine("calls). Each stored change of an issuance also writes its projection row once (one transaction with its status count).")
    .AppendLine()
    .Append(IssuingTable(issuing));
report.AppendLine().Append(SharedRateLimitReport(sharedRateLimit));
report.AppendLine().Append(projection);
report
    .AppendLine()
    .AppendLine("## Verification on a warm cache over HTTP")
    .AppendLine()
    .AppendLine("One host (co-hosted silo), one HTTP client, 32 requests in flight. A verification is four grain calls and the rule's")
    .AppendLine("evaluation against the cached record; no ORCID call. The portal's API adds one audit row per decision on top.")
    .AppendLine()
    .Append(VerificationTable(verification));
report
    .AppendLine()
    .AppendLine("## Cold start and memory of the embedded silo")
    .AppendLine()
    .AppendLine("Measured first in the run, so the first start also pays for loading and JIT-compiling the silo.")
    .AppendLine()
    .AppendLine("| start | host start to first grain answer |")
    .AppendLine("| --- | ---: |");
foreach (var start in coldStarts)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {start.Database} | {start.ToFirstAnswer.TotalSeconds:0.00} s |");
}
report
    .AppendLine()
    .AppendLine("| active researcher grains | activation time | managed heap growth | per grain |")
    .AppendLine("| ---: | ---: | ---: | ---: |")
    .AppendLine(CultureInfo.InvariantCulture,
        $"| {memory.Grains} | {memory.Activation.TotalSeconds:0.0} s | {memory.ManagedBytes / 1024.0 / 1024.0:0} MB | {memory.BytesPerGrain / 1024.0:0.0} KB |");
report.AppendLine().Append(OutboxReport(outbox));
report.AppendLine().Append(await ClusterReportAsync());
report.AppendLine().Append(CsvReport(csvBatch));
var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "RESULTS.md");
await File.WriteAllTextAsync(path, report.ToString());
Console.WriteLine(report);

// The issuing lists at 100,000 issuances next to 100, on SQLite and (when a server is named) PostgreSQL; and the queue's state.
static async Task<string> ProjectionReportAsync()
{
    var reads = new List<ProjectionBenchmark.ReadResult>();
    var (sqlite, disposeSqlite) = await ProjectionBenchmark.SqliteAsync();
    try
    {
        reads.AddRange(await ProjectionBenchmark.RunAsync("SQLite", sqlite));
    }
    finally
    {
        await disposeSqlite();
    }
    await using (var database = await BenchDatabase.CreateAsync())
    {
        if (database is not null)
        {
            var postgres = await ProjectionBenchmark.PostgresAsync(database.ConnectionString);
            reads.AddRange(await ProjectionBenchmark.RunAsync("PostgreSQL", postgres));
            await postgres.DataSource.DisposeAsync();
        }
    }
    var text = new StringBuilder()
        .AppendLine("## Issuing lists at scale (the projection)")
        .AppendLine()
        .AppendLine("The reads behind the Issuing tab and the API list, for a tenant with 100,000 issuances next to one with 100, in the same")
        .AppendLine("database. Target: the large tenant within 1.5x of the small one.")
        .AppendLine()
        .AppendLine("| database | read | issuances | p50 | p99 | ratio of p50 to 100 issuances | allocated per read |")
        .AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    foreach (var read in reads)
    {
        var baseline = reads.First(r => r.Database == read.Database && r.Read == read.Read);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {read.Database} | {read.Read} | {read.Issuances:N0} | {read.P50.TotalMilliseconds:0.00} ms | {read.P99.TotalMilliseconds:0.00} ms | {read.P50 / baseline.P50:0.00} | {read.BytesPerRead / 1024.0:0} KB |");
    }
    text.AppendLine()
        .AppendLine("The queue grain's stored state (Orleans' serializer), which every flush rewrote:")
        .AppendLine()
        .AppendLine("| state | tenant's issuances | bytes |")
        .AppendLine("| --- | ---: | ---: |");
    foreach (var size in ProjectionBenchmark.StateSizes())
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {size.State} | {size.Issuances:N0} | {size.Bytes:N0} |");
    }
    return text.ToString();
}
static async Task<IReadOnlyList<SharedRateLimitBenchmark.Result>> SharedRateLimitRunsAsync()
{
    if (Environment.GetEnvironmentVariable("CONSORTIUM_TEST_POSTGRES") is not { } server)
    {
        return [];
    }
    var runs = new List<SharedRateLimitBenchmark.Result>();
    foreach (var silos in new[] { 1, 2, 3 })
    {
        runs.Add(await SharedRateLimitBenchmark.RunAsync(server, silos, issuances: 600));
        Console.WriteLine(runs[^1]);
    }
    return runs;
}
static string SharedRateLimitReport(IReadOnlyList<SharedRateLimitBenchmark.Result> runs)
{
    var text = new StringBuilder()
        .AppendLine("## One ORCID client's rate limit shared by the silos of a cluster")
        .AppendLine()
        .AppendLine("1, 2 and 3 silos of a PostgreSQL cluster issue 600 qualifications for one tenant, so for one ORCID client, which the")
        .AppendLine("simulator allows 24 requests/s with bursts of 40. The simulator counts the client's requests and its rate-limit 503s;")
        .AppendLine("requests/s is its count over the time from the submit until every issuance is in ORCID. Targets: at least 90% of 24/s")
        .AppendLine("together, and no 503.")
        .AppendLine();
    if (runs.Count == 0)
    {
        return text.AppendLine("Not measured: needs CONSORTIUM_TEST_POSTGRES.").ToString();
    }
    text.AppendLine("| silos | issuances | seconds | requests (simulator) | requests/s | share of 24/s | rate-limit 503s | missing | issuance grains per silo |")
        .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    foreach (var run in runs)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {run.Silos} | {run.Issuances} | {run.Elapsed.TotalSeconds:0.0} | {run.Requests} | {run.RequestsPerSecond:0.0} | {run.ShareOfRateLimit:P0} | {run.RateLimited} | {run.Missing} | {string.Join(" / ", run.IssuancesPerSilo)} |");
    }
    return text.ToString();
}
static string OutboxReport(OutboxBenchmark.Result result) => new StringBuilder()
    .AppendLine("## Email outbox: 10,000 invitations through a real SMTP server")
    .AppendLine()
    .AppendLine("Queued in chunks of 500, one grain call each, as a CSV batch queues its invitations (the request answers after this);")
    .AppendLine("then sent by the silo's outbox grain through aiosmtpd on loopback, four at a time, each on its own SMTP connection.")
    .AppendLine()
    .AppendLine("| messages | chunk | time to queue (the answer) | time until every one is sent | sent/s | received |")
    .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |")
    .AppendLine(CultureInfo.InvariantCulture,
        $"| {result.Messages} | {result.Chunk} | {result.ToQueue.TotalSeconds:0.00} s | {result.ToSendAll.TotalSeconds:0.0} s | {result.SentPerSecond:0} | {result.Received} |")
    .ToString();

static string CsvReport(CsvBenchmark.Result result) => new StringBuilder()
    .AppendLine($"## A {result.Rows:N0}-row CSV through the portal's batch API")
    .AppendLine()
    .AppendLine("The real portal over HTTP (embedded: co-hosted silo, SQLite), one `POST /api/v1/tenants/{t}/batches?dryRun=false` of")
    .AppendLine("researchers to invite by email; then the silo's outbox sends each invitation through aiosmtpd on loopback.")
    .AppendLine()
    .AppendLine("| rows | time to the API's answer | time until every invitation is sent | received |")
    .AppendLine("| ---: | ---: | ---: | ---: |")
    .AppendLine(CultureInfo.InvariantCulture,
        $"| {result.Rows} | {result.ToAnswer.TotalSeconds:0.00} s | {result.ToSendAll.TotalSeconds:0.0} s | {result.Received} |")
    .ToString();


static string IssuingTable(IEnumerable<IssuingBenchmark.Result> results)
{
    var text = new StringBuilder()
        .AppendLine("| silos | tenants in parallel | issuances per tenant | seconds | issuances/s per tenant | share of 24/s | duplicates | missing | grain calls per issuance | state writes per issuance |")
        .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var result in results)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {result.Hosting} | {result.Tenants} | {result.IssuancesPerTenant} | {result.Elapsed.TotalSeconds:0.0} | {result.PerTenantPerSecond:0.0} | {result.ShareOfRateLimit:P0} | {result.Duplicates} | {result.Missing} | {result.GrainCallsPerIssuance:0.0} | {result.StateWritesPerIssuance:0.00} |");
    }
    return text.ToString();
}

/// <summary>Each result next to the bare endpoint measured before it, on the same silos.</summary>
static string VerificationTable(IReadOnlyList<LoadHarness.Result> results)
{
    var text = new StringBuilder()
        .AppendLine("| endpoint | requests | requests/s | ratio to constant | p50 | p99 |")
        .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (var i = 0; i < results.Count; i++)
    {
        var result = results[i];
        var constant = results[i - i % 2];
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {result.Endpoint} | {result.Requests} | {result.PerSecond:0} | {result.PerSecond / constant.PerSecond:0.00} | {result.P50.TotalMilliseconds:0.00} ms | {result.P99.TotalMilliseconds:0.00} ms |");
    }
    return text.ToString();
}

// 20 tenants x 500 issuances on two silos of a PostgreSQL cluster and on one embedded silo; warm verification on one and two silos.
static async Task<string> ClusterReportAsync()
{
    const int Tenants = 20, PerTenant = 500;
    var issuing = new List<IssuingBenchmark.Result>();
    var verification = new List<LoadHarness.Result>();
    // Two silos, each with at most 30 connections: the server (100) is shared with other databases.
    await using (var database = await BenchDatabase.CreateAsync(maxPoolSize: 30))
    {
        if (database is not null)
        {
            issuing.Add(await IssuingBenchmark.RunAsync(Tenants, PerTenant, database.ConnectionString, silos: 2));
        }
    }
    issuing.Add(await IssuingBenchmark.RunAsync(Tenants, PerTenant));
    foreach (var silos in new[] { 1, 2 })
    {
        await using var database = await BenchDatabase.CreateAsync(maxPoolSize: 30);
        if (database is not null)
        {
            verification.AddRange(await VerificationBenchmark.RunAsync(requests: 20_000, parallelism: 32, database.ConnectionString, silos));
        }
    }
    return new StringBuilder()
        .AppendLine("## 20 tenants on a two-silo cluster")
        .AppendLine()
        .AppendLine($"{Tenants} tenants x {PerTenant} issuances submitted at once, each tenant with its own ORCID client (24 requests/s, bursts of 40, in")
        .AppendLine("the simulator), on two silos of one PostgreSQL cluster (hosts in this process, configured as the silo executable),")
        .AppendLine("then on one embedded silo on SQLite; each silo's pool at most 30 PostgreSQL connections, each tenant submitting in calls")
        .AppendLine("of 100. Target: at least 95% of 24/s per tenant, no duplicate, none missing.")
        .AppendLine()
        .Append(IssuingTable(issuing))
        .AppendLine()
        .AppendLine("Warm-cache verification over HTTP on one and on two silos of the cluster, each silo serving both endpoints, one")
        .AppendLine("HTTP client taking the silos in turn, 32 requests in flight; each row next to the bare endpoint on the same silos.")
        .AppendLine()
        .Append(VerificationTable(verification))
        .ToString();
}
