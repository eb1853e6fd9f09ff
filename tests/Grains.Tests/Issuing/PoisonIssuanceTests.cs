using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Consortium.Grains.Tests.Issuing;

/// <summary>An issuance that cannot succeed is refused at the door, or fails with its reason, and is never retried for ever.</summary>
public sealed class PoisonIssuanceTests : IAsyncLifetime
{
    private const int MaxAttempts = 3;
    private const string Poison = "poison-";
    private static readonly DateOnly NotInOrcidsYears = new(9999, 12, 31);

    private int _poisonedCalls;
    private SqliteTestCluster _cluster = null!;
    private IssuingScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _cluster = await SqliteTestCluster.StartAsync(silo =>
        {
            silo.Services.Configure<IssuingOptions>(options =>
            {
                options.MaxAttempts = MaxAttempts;
                options.RetryDelays = [TimeSpan.FromMilliseconds(50)];
            });
            // A fault at the grain-call boundary, as the simulator's faults are at ORCID's: every step of a poison issuance throws.
            silo.AddIncomingGrainCallFilter(context =>
            {
                if (context.InterfaceMethod.Name == nameof(IIssuanceGrain.ProcessAsync) && context.TargetId.Key.ToString()!.Contains(Poison))
                {
                    Interlocked.Increment(ref _poisonedCalls);
                    throw new InvalidOperationException("The issuance's state cannot be read.");
                }
                return context.Invoke();
            });
        });
        _scenario = await IssuingScenario.CreateAsync(_cluster);
    }

    public async Task DisposeAsync()
    {
        _scenario.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task AStartDateOrcidCannotTakeIsRefusedAtSubmitNamingTheField()
    {
        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-9999", Orcid: "0000-0002-1825-0097", StartDate: NotInOrcidsYears)));

        Assert.Equal("startDate", refused.Field);
        Assert.Contains("1900 to 2100", refused.Message);
        Assert.Equal(0, (await _scenario.CountsAsync()).Total);
    }

    [Fact]
    public async Task AStoredIssuanceWithDatesOrcidCannotTakeFailsAtOnceWithItsReason()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);
        // As stored before dates were checked at submit: straight into the issuance, past the queue's validation.
        var issuance = _cluster.Client.GetGrain<IIssuanceGrain>(IssuingKey.Issuance(_scenario.Tenant, "sandbox.cert-old"));
        await issuance.SubmitAsync(new NewIssuance(IssuingScenario.TemplateId, "cert-old", Orcid: orcid, StartDate: NotInOrcidsYears), IssuingScenario.PortalUrl);

        await _scenario.Ledger.RetryAsync("sandbox.cert-old");
        var failed = await _scenario.WaitForAsync("sandbox.cert-old", v => v.Status != IssuanceStatus.Queued);

        Assert.Equal((IssuanceStatus.Failed, 0), (failed.Status, failed.Attempts));
        Assert.Contains("1900 to 2100", failed.Error);
        Assert.Empty(await _scenario.RecordAsync(orcid));
        await Poll.UntilAsync(async () => (await _scenario.CountsAsync()).Pending == 0);
    }

    [Fact]
    public async Task AnIssuanceWhoseProcessingKeepsThrowingFailsAfterMaxAttempts()
    {
        var orcid = await _scenario.NewResearcherAsync();
        await _scenario.ConnectAsync(orcid);

        await _scenario.IssueAsync(new NewIssuance(IssuingScenario.TemplateId, $"{Poison}1", Orcid: orcid));
        await Poll.UntilAsync(async () => (await _scenario.GetManyAsync($"sandbox.{Poison}1"))[0].Status == IssuanceStatus.Failed);

        var failed = Assert.Single(await _scenario.GetManyAsync($"sandbox.{Poison}1"));
        Assert.Equal((MaxAttempts, MaxAttempts), (failed.Attempts, Volatile.Read(ref _poisonedCalls)));
        Assert.Contains("The issuance's state cannot be read.", failed.Error);
        Assert.Equal(0, (await _scenario.CountsAsync()).Pending);
    }
}
