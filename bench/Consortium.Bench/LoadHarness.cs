using System.Diagnostics;

namespace Consortium.Bench;

/// <summary>A fixed number of requests, <c>parallelism</c> of them in flight at once, each timed from send to answer.</summary>
public static class LoadHarness
{
    public sealed record Result(string Endpoint, int Requests, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
    {
        public double PerSecond => Requests / Elapsed.TotalSeconds;
    }

    /// <param name="send">Sends request i; an answer other than 2xx fails the run.</param>
    public static async Task<Result> MeasureAsync(string name, int requests, int parallelism, Func<int, Task<HttpResponseMessage>> send, int warmUp = 200)
    {
        for (var i = 0; i < warmUp; i++)
        {
            using var response = await send(i);
            response.EnsureSuccessStatusCode();
        }
        var latencies = new TimeSpan[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(i);
                response.EnsureSuccessStatusCode();
                latencies[i] = Stopwatch.GetElapsedTime(started);
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        return new Result(name, requests, clock.Elapsed, latencies[requests / 2], latencies[requests * 99 / 100]);
    }
}
