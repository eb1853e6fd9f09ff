using Consortium.Orcid.OAuth;
using Consortium.Orcid.Tests.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Consortium.Orcid.Tests.Conformance;

[Collection(SimulatorCollection.Name)]
public sealed class SimulatorWebhookTests(SimulatorFixture simulator)
{
    [Fact]
    public async Task RegisteredWebhookIsCalledWhenTheRecordChanges()
    {
        var called = new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await StartReceiverAsync(called);
        var target = await simulator.NewTargetAsync();
        var webhookToken = await simulator.Clients.OAuth(OrcidEnvironment.Sandbox).ClientCredentialsAsync(target.Credentials, OrcidScopes.Webhook);
        var member = simulator.Clients.Member(OrcidEnvironment.Sandbox);
        var callback = new Uri(new Uri(receiver.Urls.Single()), $"/orcid-changed/{target.Orcid}");

        await member.RegisterWebhookAsync(webhookToken.ToAccess(target.Credentials.ClientId), target.Orcid, callback);
        await member.CreateQualificationAsync(target.Access, target.Orcid, SampleQualifications.LaserSafety("cert-1"));
        var bodyLength = await called.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, bodyLength ?? 0);
    }

    static async Task<WebApplication> StartReceiverAsync(TaskCompletionSource<long?> called)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = builder.Build();
        receiver.MapPost("/orcid-changed/{orcid}", (HttpRequest request) =>
        {
            called.TrySetResult(request.ContentLength);
            return Results.NoContent();
        });
        await receiver.StartAsync();
        return receiver;
    }
}
