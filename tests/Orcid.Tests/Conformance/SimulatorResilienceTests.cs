using System.Net;
using System.Text.Json;
using Consortium.Orcid.Errors;
using Consortium.Orcid.MemberApi;
using Consortium.Orcid.Tests.Model;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>The client under ORCID's rate limit and injected faults: every call lands once.
/// Faults with rate 0.5 hit the first, third... request, so exactly one retry recovers each call.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SimulatorResilienceTests(SimulatorFixture simulator) : IAsyncLifetime
{
    OrcidMemberApi Member => simulator.Clients.Member(OrcidEnvironment.Sandbox);

    public Task InitializeAsync()
    {
        simulator.Log.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => simulator.StopFaultsAsync();

    [Fact]
    public async Task HundredParallelCreatesAllLandExactlyOnce()
    {
        var target = await simulator.NewTargetAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety($"batch-{i}"))));
        var stored = (await simulator.RecordAsync(target.Orcid)).GetProperty("qualifications").EnumerateArray().ToList();

        Assert.Equal(100, created.Select(c => c.PutCode).Distinct().Count());
        Assert.All(created, c => Assert.False(c.AlreadyExisted));
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => $"batch-{i}").Order(),
            stored.Select(ExternalIdOf).Order());
    }

    [Fact]
    public async Task AReadIsServedWhileALongBacklogOfWritesForTheSameClientWaits()
    {
        const int Writes = 160; // 40 at once (ORCID's burst), then 120 waiting for tokens: five seconds at 24/s
        var target = await simulator.NewTargetAsync();
        var writes = Enumerable.Range(0, Writes)
            .Select(i => Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety($"backlog-{i}")))
            .ToList();
        while (writes.Count(w => w.IsCompleted) < 40)
        {
            await Task.Delay(20);
        }

        var read = await Member.GetQualificationsAsync(target.Access, target.Orcid);
        var stillWaiting = writes.Count(w => !w.IsCompleted);
        await Task.WhenAll(writes);

        // The read took its turn in the line at once instead of after the backlog: it saw only the first writes land.
        Assert.InRange(read.Qualifications.Count(), 40, Writes / 2);
        Assert.InRange(stillWaiting, Writes / 2, Writes - 40);
        Assert.Equal(Writes, (await simulator.RecordAsync(target.Orcid)).GetProperty("qualifications").GetArrayLength());
    }

    [Fact]
    public async Task ServerErrorIsRetried()
    {
        var target = await simulator.NewTargetAsync();
        await simulator.StartFaultAsync("error500", rate: 0.5, durationSeconds: 30);

        var summary = await Member.GetQualificationsAsync(target.Access, target.Orcid);

        Assert.Empty(summary.Qualifications);
        Assert.Contains("failed with status 500; retry 1", Assert.Single(simulator.Log.Retries));
    }

    [Fact]
    public async Task CreateFailingWithServerErrorLandsOnce()
    {
        var target = await simulator.NewTargetAsync();
        await simulator.StartFaultAsync("error500", rate: 0.5, durationSeconds: 30);

        var created = await Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1"));
        await simulator.StopFaultsAsync();
        var stored = (await simulator.RecordAsync(target.Orcid)).GetProperty("qualifications");

        Assert.Equal(created.PutCode, Assert.Single(stored.EnumerateArray()).GetProperty("put-code").GetInt64());
        Assert.Contains("POST", Assert.Single(simulator.Log.Retries));
    }

    [Fact]
    public async Task CreateWithoutSelfExternalIdIsNotRetriedAfterServerError()
    {
        var target = await simulator.NewTargetAsync();
        await simulator.StartFaultAsync("error500", rate: 0.5, durationSeconds: 30);

        // Without a self external id ORCID could not tell a repeat from a second item, so the client must not repeat.
        var failed = await Assert.ThrowsAsync<OrcidApiException>(() =>
            Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1") with { ExternalIds = [] }));
        var stored = (await simulator.RecordAsync(target.Orcid)).GetProperty("qualifications");

        Assert.Equal((HttpStatusCode.InternalServerError, 9008, OrcidErrorKind.ServerError), (failed.Status, failed.ErrorCode, failed.Kind));
        Assert.Empty(simulator.Log.Retries);
        Assert.Equal(0, stored.GetArrayLength());
    }

    [Fact]
    public async Task BurstOf503IsWaitedOutWithRetryAfter()
    {
        var target = await simulator.NewTargetAsync();
        await simulator.StartFaultAsync("burst503", rate: 1, durationSeconds: 1);

        var created = await Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1"));

        Assert.False(created.AlreadyExisted);
        // Retry-After: 1 outlasts the one-second burst, so one retry is enough.
        Assert.Contains("failed with status 503; retry 1", Assert.Single(simulator.Log.Retries));
    }

    [Fact]
    public async Task LatencyBeyondAttemptTimeoutIsRetried()
    {
        var target = await simulator.NewTargetAsync();
        var latency = (int)(SimulatorFixture.AttemptTimeout.TotalMilliseconds * 1.5);
        await simulator.StartFaultAsync("latency", rate: 0.5, durationSeconds: 30, latencyMilliseconds: latency);

        var summary = await Member.GetQualificationsAsync(target.Access, target.Orcid);

        Assert.Empty(summary.Qualifications);
        Assert.Contains("failed with TimeoutRejectedException; retry 1", Assert.Single(simulator.Log.Retries));
    }

    [Fact]
    public async Task DroppedConnectionIsRetried()
    {
        var target = await simulator.NewTargetAsync();
        await simulator.StartFaultAsync("drop", rate: 0.5, durationSeconds: 30);

        var summary = await Member.GetQualificationsAsync(target.Access, target.Orcid);

        Assert.Empty(summary.Qualifications);
        Assert.Contains("failed with HttpRequestException; retry 1", Assert.Single(simulator.Log.Retries));
    }

    static string ExternalIdOf(JsonElement item) =>
        item.GetProperty("external-ids").GetProperty("external-id")[0].GetProperty("external-id-value").GetString()!;
}
