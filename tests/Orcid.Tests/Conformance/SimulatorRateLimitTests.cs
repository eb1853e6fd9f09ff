using System.Diagnostics;
using System.Net;
using Consortium.Orcid.Errors;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>The public API's limits in the simulator (12 a second with bursts of 40; a daily quota for anonymous callers,
/// orcid-pub-web/src/main/java/org/orcid/api/filters/ApiRateLimitFilter.java), and the client keeping to them and waiting
/// out a Retry-After. Each test has a simulator of its own, so the shared one's buckets stay full.</summary>
public sealed class SimulatorRateLimitTests
{
    [Fact]
    public async Task AnAnonymousCallerOverTheDailyQuotaGetsOrcidsPlainTextRefusalAndTheClientDoesNotRetryIt()
    {
        await using var own = await OwnSimulator.StartAsync(new OrcidSimulatorOptions { PublicAnonymousDailyQuota = 3 });
        var orcid = own.Fixture;
        var target = await orcid.NewTargetAsync();
        using var http = new HttpClient { BaseAddress = orcid.BaseUrl };
        var publicApi = orcid.Clients.Public(OrcidEnvironment.Sandbox);

        var allowed = await publicApi.GetQualificationsAsync(target.Orcid);
        using var raw = await http.GetAsync($"/pub/v3.0/{target.Orcid}/qualifications");
        orcid.Log.Clear();
        var refused = await Assert.ThrowsAsync<OrcidApiException>(() => publicApi.GetQualificationsAsync(target.Orcid));
        var readPublic = await orcid.Clients.OAuth(OrcidEnvironment.Sandbox).ClientCredentialsAsync(target.Credentials, OrcidScopes.ReadPublic);
        var withClient = await publicApi.GetQualificationsAsync(target.Orcid, readPublic.ToAccess(target.Credentials.ClientId));

        Assert.Empty(allowed.Qualifications);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal((HttpStatusCode.TooManyRequests, OrcidErrorKind.TooManyRequests), (refused.Status, refused.Kind));
        Assert.StartsWith("Too Many Requests. You have exceeded the daily quota for anonymous usage of this API.", refused.DeveloperMessage);
        Assert.Empty(orcid.Log.Retries);
        Assert.NotNull(withClient);
    }

    [Fact]
    public async Task OverTwelveASecondAfterABurstOfFortyThePublicApiAnswers503()
    {
        await using var own = await OwnSimulator.StartAsync(new OrcidSimulatorOptions());
        var orcid = own.Fixture;
        var researcher = await orcid.AddResearcherAsync();
        using var http = new HttpClient { BaseAddress = orcid.BaseUrl };

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(async _ =>
        {
            using var response = await http.GetAsync($"/pub/v3.0/{researcher}/qualifications");
            return (response.StatusCode, response.Headers.RetryAfter?.Delta);
        }));
        var elapsed = clock.Elapsed;

        var served = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.InRange(served, 40, 40 + (int)Math.Ceiling(elapsed.TotalSeconds * 12) + 1);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal((HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1)), (a.StatusCode, a.Delta)));
    }

    [Fact]
    public async Task TheClientPacesPublicReadsToTwelveASecondSoOrcidNeverRefusesThem()
    {
        // A little above 12 a second: ORCID's bucket starts when the first request arrives, a few milliseconds after the client's.
        await using var own = await OwnSimulator.StartAsync(new OrcidSimulatorOptions { PublicRequestsPerSecond = 14 });
        var orcid = own.Fixture;
        var researcher = await orcid.AddResearcherAsync();
        var publicApi = orcid.Clients.Public(OrcidEnvironment.Sandbox);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => publicApi.GetQualificationsAsync(researcher)));

        // 40 at once, the other 24 at 12 a second; at the member API's 24 a second they would have met the simulator's 503 and retried.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.8), $"took {clock.Elapsed}");
        Assert.Empty(orcid.Log.Retries);
    }

    [Fact]
    public async Task TheClientWaitsOutRetryAfterOnA429AndThenSucceeds()
    {
        var calls = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var stub = await StartStubAsync(context =>
        {
            lock (calls)
            {
                calls.Add(clock.Elapsed);
            }
            if (calls.Count == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }
            return Results.Text("""{"affiliation-group":[],"path":"/0000-0002-1825-0097/qualifications"}""", "application/vnd.orcid+json");
        });
        await using var services = ClientFor(new Uri(new Uri(stub.Urls.Single()), "/pub/v3.0"));

        var summary = await services.GetRequiredService<OrcidClients>().Public(OrcidEnvironment.Sandbox).GetQualificationsAsync(OrcidId.Parse("0000-0002-1825-0097"));

        Assert.Equal("/0000-0002-1825-0097/qualifications", summary.Path);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1] - calls[0] >= TimeSpan.FromSeconds(1), $"retried after {calls[1] - calls[0]}");
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheClientWaitsFailsTheCallAtOnce()
    {
        var calls = 0;
        await using var stub = await StartStubAsync(context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        await using var services = ClientFor(new Uri(new Uri(stub.Urls.Single()), "/pub/v3.0"));

        var refused = await Assert.ThrowsAsync<OrcidApiException>(() =>
            services.GetRequiredService<OrcidClients>().Public(OrcidEnvironment.Sandbox).GetQualificationsAsync(OrcidId.Parse("0000-0002-1825-0097")));

        Assert.Equal((OrcidErrorKind.RateLimited, 1), (refused.Kind, calls));
    }

    /// <summary>An ORCID stand-in for answers the simulator does not give (a 429 with Retry-After).</summary>
    static async Task<WebApplication> StartStubAsync(Func<HttpContext, IResult> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/pub/v3.0/{orcid}/qualifications", answer);
        await app.StartAsync();
        return app;
    }

    static ServiceProvider ClientFor(Uri publicApiUrl) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orcid:Sandbox:PublicApiUrl"] = publicApiUrl.AbsoluteUri,
            ["Orcid:RetryBaseDelay"] = "00:00:00.050",
        }).Build())
        .AddLogging()
        .AddOrcidClient()
        .BuildServiceProvider();
}
