using System.Diagnostics.Metrics;

namespace Consortium.Portal.Live;

/// <summary>
/// How often pages are pushed a change and how often they read because of one. With pushes in place of polling a page reads
/// at most once per push (once exactly when every push concerns it), plus its first read and a read after a lost
/// subscription, so the two counters side by side show a page that polls.
/// </summary>
public static class LiveUpdateMetrics
{
    public const string MeterName = "Consortium.Portal.Live";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Pushes = Meter.CreateCounter<long>("consortium.live.pushes", description: "Changes pushed to a page");

    private static readonly Counter<long> Reads = Meter.CreateCounter<long>("consortium.live.reads", description: "Reads a live page made");

    /// <param name="view">Which page: <c>issuing</c> (the Issuing tab) or <c>batch</c> (a batch's progress).</param>
    public static void Pushed(string tenant, string view) => Pushes.Add(1, Tags(tenant, view));

    public static void Read(string tenant, string view) => Reads.Add(1, Tags(tenant, view));

    private static System.Diagnostics.TagList Tags(string tenant, string view) => new() { { "tenant", tenant }, { "view", view } };
}
