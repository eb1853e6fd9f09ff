using Consortium.Orcid;
using System.Text.Json;
using Consortium.Grains.Issuing;
using Consortium.Grains.Issuing.Projection;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tests.Infrastructure;
using Consortium.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>The issuing lists are a projection of the grains: rebuilt from them it is the same, and a lost write heals.</summary>
public sealed class ProjectionTests : IAsyncLifetime
{
    private const string Unprojected = "cert-unprojected";

    private SqliteTestCluster _cluster = null!;
    private IssuingScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _cluster = await SqliteTestCluster.StartAsync(silo =>
        {
            SqliteTestCluster.ResumeQuickly(silo);
            // As a crash right after the issuance stored its state: its first projection write never happens.
            silo.Services.AddSingleton<IIssuingProjection>(services =>
                new FirstWriteLost(ActivatorUtilities.CreateInstance<SqlIssuingProjection>(services), IssuingKey.IssuanceId(OrcidEnvironment.Sandbox, Unprojected)));
        });
        _scenario = await IssuingScenario.CreateAsync(_cluster);
    }

    public async Task DisposeAsync()
    {
        _scenario.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task AProjectionRebuiltFromTheGrainsEqualsTheLiveOne()
    {
        var connected = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(connected);
        var leaving = await _scenario.NewResearcherAsync("Grace", "Hopper");
        await _scenario.ConnectAsync(leaving);
        await _scenario.IssueAsync(
            new NewIssuance(IssuingScenario.TemplateId, "cert-1", Orcid: connected),
            new NewIssuance(IssuingScenario.TemplateId, "cert-2", Orcid: leaving),
            new NewIssuance(IssuingScenario.TemplateId, "cert-3", Email: "invited@example.org", GivenNames: "Marie", FamilyNames: "Curie"));
        await _scenario.WaitForAsync("sandbox.cert-2", v => v.Status == IssuanceStatus.InOrcid);
        await _scenario.Researcher(leaving).DisconnectAsync();
        // Not withdrawn by the organisation: the item stays on Grace's record, and the status says so.
        var ended = await _scenario.WaitForAsync("sandbox.cert-2", v => v.Status == IssuanceStatus.ConsentEnded);
        Assert.Contains("stays on their record", ended.Error);
        Assert.Single(await _scenario.RecordAsync(leaving));
        await _scenario.WaitForAsync("sandbox.cert-1", v => v.Status == IssuanceStatus.InOrcid);
        await Poll.UntilAsync(async () => (await _scenario.CountsAsync()).Pending == 0);
        var live = await SnapshotAsync();
        var projection = _cluster.Services.GetRequiredService<IIssuingProjection>();
        await projection.ClearAsync(_scenario.Tenant);
        Assert.Equal(0, (await _scenario.CountsAsync()).Total);

        var written = await _cluster.Services.GetRequiredService<ProjectionRebuild>().RunAsync(_scenario.Tenant);

        Assert.Equal(5, written); // three issuances, two researchers
        Assert.Equal(live, await SnapshotAsync());
        Assert.Contains("\"Status\":\"ConsentEnded\"", live);
        Assert.Contains("Marie Curie", live);
    }

    [Fact]
    public async Task ACrashBetweenAnIssuanceChangeAndItsProjectionWriteHeals()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);

        // The caller hears of the failure and does not send it again.
        await Assert.ThrowsAnyAsync<Exception>(() => _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, Unprojected, Orcid: orcid)));
        Assert.Empty(await _scenario.GetManyAsync($"sandbox.{Unprojected}"));

        // The queue stored the work before calling the issuance: processing it writes ORCID and the projection.
        await Poll.UntilAsync(async () => (await _scenario.GetManyAsync($"sandbox.{Unprojected}")) is [{ Status: IssuanceStatus.InOrcid }],
            TimeSpan.FromSeconds(30));
        Assert.Single(await _scenario.RecordAsync(orcid));
        await Poll.UntilAsync(async () => (await _scenario.CountsAsync()).Pending == 0);
    }

    /// <summary>Everything the lists show of the tenant, as text, so two snapshots compare by value.</summary>
    private async Task<string> SnapshotAsync()
    {
        var issuances = await _scenario.ListAsync(new IssuanceQuery { Take = IssuanceQuery.MaxTake, Sort = IssuanceSort.ExternalId });
        var researchers = await _scenario.ListResearchersAsync();
        var counts = await _scenario.CountsAsync();
        return JsonSerializer.Serialize(new { issuances, researchers, counts.ByStatus, counts.Researchers, counts.ConnectedResearchers },
            new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
    }

    /// <summary>The real projection, except that the first write of one issuance is lost.</summary>
    private sealed class FirstWriteLost(IIssuingProjection inner, string issuanceId) : IIssuingProjection
    {
        private int _lost;

        public Task SaveAsync(string tenant, IssuanceView issuance, long version) =>
            issuance.Id == issuanceId && Interlocked.Exchange(ref _lost, 1) == 0
                ? throw new InvalidOperationException("The silo stopped before the projection was written.")
                : inner.SaveAsync(tenant, issuance, version);

        public Task SaveAsync(string tenant, ResearcherView researcher, long version) => inner.SaveAsync(tenant, researcher, version);

        public Task<IssuancePage> ListAsync(string tenant, OrcidEnvironment environment, IssuanceQuery query) => inner.ListAsync(tenant, environment, query);

        public Task<IReadOnlyList<string>> IdsAsync(string tenant, OrcidEnvironment environment, IssuanceQuery query) => inner.IdsAsync(tenant, environment, query);

        public Task<IReadOnlyList<IssuanceView>> GetManyAsync(string tenant, IReadOnlyList<string> ids) => inner.GetManyAsync(tenant, ids);

        public Task<IssuingCounts> CountAsync(string tenant, OrcidEnvironment environment) => inner.CountAsync(tenant, environment);

        public Task<ResearcherPage> ListResearchersAsync(string tenant, OrcidEnvironment environment, ResearcherQuery query) =>
            inner.ListResearchersAsync(tenant, environment, query);

        public Task ClearAsync(string? tenant) => inner.ClearAsync(tenant);

        public Task<StoredGrainKeys> StoredKeysAsync(string? tenant) => inner.StoredKeysAsync(tenant);
    }
}
