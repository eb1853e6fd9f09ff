namespace Consortium.Grains.Researchers;

/// <summary>A researcher's consent. The tokens are stored only as Data Protection ciphertext.</summary>
[GenerateSerializer, Alias("ResearcherState")]
public sealed record ResearcherState
{
    [Id(0)] public ResearcherView? View { get; init; }

    [Id(1)] public string? ClientId { get; init; }

    [Id(2)] public string? ProtectedAccessToken { get; init; }

    [Id(3)] public string? ProtectedRefreshToken { get; init; }

    /// <summary>Counts the stored changes: the projection keeps the row of the highest version it was given.</summary>
    [Id(4)] public long Version { get; init; }
}
