using Consortium.Grains.Batches;
using Consortium.Grains.Issuing;
using Orleans.Concurrency;

namespace Consortium.Grains.Interfaces;

/// <summary>One applied CSV upload, which creates its rows' issuances in the background. Key: <see cref="BatchKey.For"/>.</summary>
[Alias("IBatchGrain")]
public interface IBatchGrain : IResumableGrain
{
    /// <summary>Stores the batch with every row to create in one write and returns: the rows' issuances are then created a chunk
    /// at a time through the tenant's queue (each idempotent by its external id), resuming after a restart.</summary>
    /// <param name="portalUrl">The portal's public address, for certificate URLs and invitation links.</param>
    [Alias("Accept")]
    Task AcceptAsync(BatchRecord record, IReadOnlyList<NewIssuance> rows, string portalUrl);

    /// <summary>Interleaves with the creation in the background: the record is replaced whole, never changed in place.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<BatchRecord?> GetAsync();
}
