using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Consortium.Orcid.Errors;
using Consortium.Orcid.Http;
using Consortium.Orcid.OAuth;
using Consortium.Orcid.Tests.Model;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>The client's webhook calls and the simulator's callbacks, as ORCID makes them: registered on the unversioned
/// member API host, called in batches with an empty POST, retried after a failure with a growing delay, then given up
/// (orcid-core/src/main/java/org/orcid/core/manager/impl/WebhookManagerImpl.java, WebhookEntity.java).</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SimulatorWebhookTests(SimulatorFixture simulator)
{
    [Fact]
    public async Task AHookIsCreatedOnceOnTheUnversionedHostAndAgainIsAlreadyThere()
    {
        var target = await simulator.NewTargetAsync();
        var hook = await WebhookAccessAsync(target);
        var callback = new Uri($"https://portal.example.org/webhooks/orcid/{target.Orcid}");

        var first = await Member.RegisterWebhookAsync(hook, target.Orcid, callback);
        var again = await Member.RegisterWebhookAsync(hook, target.Orcid, callback);

        Assert.Equal((true, false), (first, again));
        var stored = Assert.Single(await HooksAsync(target.Orcid));
        Assert.Equal((callback.AbsoluteUri, target.Credentials.ClientId), (stored.Callback, stored.ClientId));
        // The client logs each call's path: the member API host with no /v3.0.
        Assert.Contains(simulator.Log.Entries, e => e.Message.StartsWith($"ORCID PUT /{target.Orcid}/webhook/") && e.Message.Contains("answered 201"));
        Assert.Contains(simulator.Log.Entries, e => e.Message.StartsWith($"ORCID PUT /{target.Orcid}/webhook/") && e.Message.Contains("answered 204"));
    }

    [Fact]
    public async Task OnlyTheClientThatRegisteredAHookMayRemoveIt()
    {
        var target = await simulator.NewTargetAsync();
        var other = await simulator.NewTargetAsync("Another University");
        var callback = new Uri($"https://portal.example.org/webhooks/orcid/{target.Orcid}");
        await Member.RegisterWebhookAsync(await WebhookAccessAsync(target), target.Orcid, callback);

        var refused = await Assert.ThrowsAsync<OrcidApiException>(async () => await Member.UnregisterWebhookAsync(await WebhookAccessAsync(other), target.Orcid, callback));
        await Member.UnregisterWebhookAsync(await WebhookAccessAsync(target), target.Orcid, callback);
        var unknown = await Assert.ThrowsAsync<OrcidApiException>(async () => await Member.UnregisterWebhookAsync(await WebhookAccessAsync(target), target.Orcid, callback));

        Assert.Equal((HttpStatusCode.Forbidden, 9014), (refused.Status, refused.ErrorCode));
        Assert.Equal((HttpStatusCode.NotFound, 9028), (unknown.Status, unknown.ErrorCode));
        Assert.Empty(await HooksAsync(target.Orcid));
    }

    [Fact]
    public async Task ChangesAreCalledBackInBatchesWithAnEmptyPostAndNotBeforeTheRecordChanges()
    {
        var interval = TimeSpan.FromSeconds(1);
        await using var orcid = await StartSimulatorAsync(interval, retryDelay: interval, maxAttempts: 25);
        await using var receiver = await Receiver.StartAsync();
        var target = await orcid.Fixture.NewTargetAsync();
        var member = orcid.Fixture.Clients.Member(OrcidEnvironment.Sandbox);
        await member.RegisterWebhookAsync(await WebhookAccessAsync(target), target.Orcid, receiver.Callback(target.Orcid));

        await Task.Delay(interval * 2.5);
        Assert.Empty(receiver.Calls);
        // Five changes within well under one interval meet at most one batch boundary.
        for (var i = 0; i < 5; i++)
        {
            await member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety($"batched-{i}"));
        }
        await receiver.WaitForCallsAsync(1);
        await Task.Delay(interval * 2.5);

        Assert.InRange(receiver.Calls.Count, 1, 2);
        Assert.All(receiver.Calls, call => Assert.Equal(0, call.ContentLength ?? 0));
    }

    [Fact]
    public async Task AFailedCallIsRetriedEachTimeLaterAndGivenUpAfterTheMaximum()
    {
        var retryDelay = TimeSpan.FromMilliseconds(400);
        await using var orcid = await StartSimulatorAsync(TimeSpan.FromMilliseconds(100), retryDelay, maxAttempts: 3);
        await using var receiver = await Receiver.StartAsync(_ => StatusCodes.Status500InternalServerError);
        var target = await orcid.Fixture.NewTargetAsync();
        var member = orcid.Fixture.Clients.Member(OrcidEnvironment.Sandbox);
        await member.RegisterWebhookAsync(await WebhookAccessAsync(target), target.Orcid, receiver.Callback(target.Orcid));

        await member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("retried"));
        await receiver.WaitForCallsAsync(3);
        await Task.Delay(retryDelay * 4);

        var calls = receiver.Calls.ToList();
        Assert.Equal(3, calls.Count);
        // After the n-th failure ORCID waits n × the retry delay.
        Assert.True(calls[1].At - calls[0].At >= retryDelay, $"second call after {calls[1].At - calls[0].At}");
        Assert.True(calls[2].At - calls[1].At >= retryDelay * 2, $"third call after {calls[2].At - calls[1].At}");
        Assert.Equal(3, Assert.Single(await orcid.Fixture.HooksAsync(target.Orcid)).FailedAttempts);
    }

    [Fact]
    public async Task ACallThatSucceedsOnRetryIsNotRepeated()
    {
        await using var receiver = await Receiver.StartAsync(call => call == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent);
        var target = await simulator.NewTargetAsync();
        await Member.RegisterWebhookAsync(await WebhookAccessAsync(target), target.Orcid, receiver.Callback(target.Orcid));

        await Member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("once"));
        await receiver.WaitForCallsAsync(2);
        await Task.Delay(SimulatorFixture.WebhookBatchInterval * 10);

        Assert.Equal(2, receiver.Calls.Count);
        var hook = Assert.Single(await HooksAsync(target.Orcid));
        Assert.Equal((0, true), (hook.FailedAttempts, hook.LastSent is not null));
    }

    Consortium.Orcid.MemberApi.OrcidMemberApi Member => simulator.Clients.Member(OrcidEnvironment.Sandbox);

    Task<IReadOnlyList<WebhookView>> HooksAsync(OrcidId orcid) => simulator.HooksAsync(orcid);

    static async Task<OrcidAccess> WebhookAccessAsync(ConformanceTarget target) =>
        (await target.Clients.OAuth(OrcidEnvironment.Sandbox).ClientCredentialsAsync(target.Credentials, OrcidScopes.Webhook)).ToAccess(target.Credentials.ClientId);

    static Task<OwnSimulator> StartSimulatorAsync(TimeSpan batchInterval, TimeSpan retryDelay, int maxAttempts) =>
        OwnSimulator.StartAsync(new OrcidSimulatorOptions { WebhookBatchInterval = batchInterval, WebhookRetryDelay = retryDelay, WebhookMaxAttempts = maxAttempts });

    /// <summary>A portal stand-in that records ORCID's calls and answers each with the status <c>answer(n)</c> gives the n-th.</summary>
    sealed class Receiver(WebApplication app) : IAsyncDisposable
    {
        readonly ConcurrentQueue<Call> calls = new();

        public sealed record Call(TimeSpan At, long? ContentLength);

        public IReadOnlyCollection<Call> Calls => calls;

        public Uri Callback(OrcidId orcid) => new(new Uri(app.Urls.Single()), $"/orcid-changed/{orcid}");

        public static async Task<Receiver> StartAsync(Func<int, int>? answer = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new Receiver(app);
            var clock = Stopwatch.StartNew();
            app.MapPost("/orcid-changed/{orcid}", (HttpRequest request) =>
            {
                receiver.calls.Enqueue(new Call(clock.Elapsed, request.ContentLength));
                return Results.StatusCode(answer?.Invoke(receiver.calls.Count) ?? StatusCodes.Status204NoContent);
            });
            await app.StartAsync();
            return receiver;
        }

        public async Task WaitForCallsAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (calls.Count < count)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
