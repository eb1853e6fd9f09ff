using Consortium.Orcid;
using System.Threading.Channels;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Live;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tests.Infrastructure;

namespace Consortium.Grains.Tests.Live;

/// <summary>The issuing feed pushes changes to observers (as a page's circuit is one), coalescing a burst into one push.</summary>
[Collection(SqliteClusterCollection.Name)]
public sealed class IssuingFeedTests(SqliteClusterFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Observer _observer = new();
    private IIssuingFeedObserver _reference = null!;

    private IClusterClient Client => fixture.Cluster.Client;

    public Task InitializeAsync()
    {
        _reference = Client.CreateObjectReference<IIssuingFeedObserver>(_observer);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Client.DeleteObjectReference<IIssuingFeedObserver>(_reference);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ABurstOfChangesIsPushedAsOneChangeNamingThemAll()
    {
        var feed = Client.GetIssuingFeed(UniqueSlug.New(), OrcidEnvironment.Sandbox);
        await feed.SubscribeAsync(_reference);

        await feed.IssuancesChangedAsync(["sandbox.a"]);
        await feed.IssuancesChangedAsync(["sandbox.b", "sandbox.a"]);
        await feed.IssuancesChangedAsync(["sandbox.c"]);
        var burst = await _observer.NextAsync();
        // The next push holds only what changed after the burst's push: nothing of the burst was pushed twice or left behind.
        await feed.IssuancesChangedAsync(["sandbox.d"]);
        var after = await _observer.NextAsync();

        Assert.Equal(["sandbox.a", "sandbox.b", "sandbox.c"], burst.IssuanceIds!.Order());
        Assert.Equal(["sandbox.d"], after.IssuanceIds!);
    }

    [Fact]
    public async Task MoreChangesThanAPushNamesArePushedAsEverything()
    {
        var feed = Client.GetIssuingFeed(UniqueSlug.New(), OrcidEnvironment.Sandbox);
        await feed.SubscribeAsync(_reference);

        await feed.IssuancesChangedAsync([.. Enumerable.Range(0, IssuingFeedGrain.MaxIdsPerPush + 1).Select(i => $"sandbox.row-{i}")]);

        Assert.True((await _observer.NextAsync()).IsEverything);
    }

    [Fact]
    public async Task SubscribingTellsWhetherTheFeedHadLostTheObserver()
    {
        var feed = Client.GetIssuingFeed(UniqueSlug.New(), OrcidEnvironment.Sandbox);

        var first = await feed.SubscribeAsync(_reference);
        var renewal = await feed.SubscribeAsync(_reference);
        await feed.UnsubscribeAsync(_reference);
        var afterLoss = await feed.SubscribeAsync(_reference);

        Assert.Equal((true, false, true), (first, renewal, afterLoss));
    }

    [Fact]
    public async Task AnIssuanceWrittenToOrcidIsPushedAndAReadOnThePushSeesIt()
    {
        using var scenario = await IssuingScenario.CreateAsync(fixture.Cluster);
        var orcid = await scenario.NewResearcherAsync();
        await scenario.ConnectAsync(orcid);
        var feed = Client.GetIssuingFeed(scenario.Tenant, OrcidEnvironment.Sandbox);
        await feed.SubscribeAsync(_reference);

        await scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "live-1", Orcid: orcid));

        // Each push is read as a page reads it: once the write is in ORCID, a push names the issuance and the read finds it there.
        IssuanceView? seen = null;
        while (seen?.Status != IssuanceStatus.InOrcid)
        {
            var change = await _observer.NextAsync();
            Assert.True(change.Touches(new HashSet<string> { "sandbox.live-1" }));
            seen = Assert.Single(await scenario.GetManyAsync("sandbox.live-1"));
        }
        Assert.NotNull(seen.PutCode);
    }

    /// <summary>A page's stand-in: every push, in order.</summary>
    private sealed class Observer : IIssuingFeedObserver
    {
        private readonly Channel<IssuingChange> _changes = Channel.CreateUnbounded<IssuingChange>();

        public Task ChangedAsync(IssuingChange change)
        {
            _changes.Writer.TryWrite(change);
            return Task.CompletedTask;
        }

        public async Task<IssuingChange> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            return await _changes.Reader.ReadAsync(timeout.Token);
        }
    }
}
