using Orleans.Concurrency;
using Consortium.Grains.Live;

namespace Consortium.Grains.Interfaces;

/// <summary>A page (a Blazor circuit) that shows a tenant's issuing and is told when it changed.</summary>
[Alias("IIssuingFeedObserver")]
public interface IIssuingFeedObserver : IGrainObserver
{
    /// <summary>One-way: a slow or vanished page never holds up the feed.</summary>
    [OneWay, Alias("Changed")]
    Task ChangedAsync(IssuingChange change);
}
