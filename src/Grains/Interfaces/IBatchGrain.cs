using Consortium.Grains.Batches;

namespace Consortium.Grains.Interfaces;

/// <summary>One applied CSV upload. Key: <see cref="BatchKey.For"/>.</summary>
[Alias("IBatchGrain")]
public interface IBatchGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task SaveAsync(BatchRecord record);

    [Alias("Get")]
    Task<BatchRecord?> GetAsync();
}
