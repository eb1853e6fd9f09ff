using Consortium.Grains.Issuing;

namespace Consortium.Grains.Batches;

[GenerateSerializer, Alias("BatchState")]
public sealed record BatchState
{
    [Id(0)] public BatchRecord? Record { get; init; }

    /// <summary>Rows whose issuances are not created yet, in the file's order.</summary>
    [Id(1)] public IReadOnlyList<NewIssuance> Remaining { get; init; } = [];

    [Id(2)] public string PortalUrl { get; init; } = "";
}
